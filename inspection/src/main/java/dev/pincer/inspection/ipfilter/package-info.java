/**
 * The IP filter: allow and deny lists of addresses and CIDR blocks, inline and in list files that
 * reload on change, compiled into sorted disjoint intervals searched in O(log n), and the
 * {@link dev.pincer.inspection.ipfilter.IpFilter} participant that answers a denied client 403 at
 * the request head. {@link dev.pincer.inspection.ipfilter.IpListFiles} is the long-lived part that
 * watches the files across config generations.
 */
package dev.pincer.inspection.ipfilter;

/**
 * Automatic bans: {@link dev.pincer.inspection.ban.BanList} (the bans and the strikes that lead to
 * them, long-lived, shared through Redis when configured) and {@link dev.pincer.inspection.ban.Bans},
 * which makes the participant that refuses banned clients and counts blocked requests.
 */
package dev.pincer.inspection.ban;

package dev.pincer.inspection.ipfilter;

import dev.pincer.config.CidrRange;
import java.util.List;

/**
 * The inline entries of one key, {@code protection.ip_filter.deny}, compiled once per config
 * generation. A match is named by its key path and entry: {@code protection.ip_filter.deny[2] (203.0.113.0/24)}.
 */
final class InlineList implements IpSource {
    private final String key;
    private final List<CidrRange> entries;
    private final IpBlocks blocks;

    InlineList(String key, List<CidrRange> entries) {
        this.key = key;
        this.entries = List.copyOf(entries);
        this.blocks = IpBlocks.of(this.entries);
    }

    @Override
    public String match(byte[] address) {
        int i = blocks.find(address);
        return i < 0 ? null : key + "[" + i + "] (" + entries.get(i) + ")";
    }

    IpBlocks blocks() {
        return blocks;
    }
}

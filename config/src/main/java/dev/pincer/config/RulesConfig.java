package dev.pincer.config;

import java.util.List;
import java.util.Objects;

/**
 * {@code protection.rules} and the settings that go with it: the ModSecurity rule files the edge
 * runs (CRS and the operator's own), in order, and the CRS settings Pincer's YAML may set.
 *
 * <p>Example: {@code rules: [/etc/pincer/crs/crs-setup.conf, "/etc/pincer/crs/rules/*.conf"]} with
 * {@code paranoia_level: 2}.
 *
 * @param files            the files and globs, absolute (relative ones are resolved against the config
 *                         file's directory at load), in the order they load; empty: no rule engine
 * @param paranoiaLevel    {@code protection.paranoia_level} (1-4): CRS's blocking and detection paranoia
 *                         level, or null to leave it to the rule files (CRS's default is 1)
 * @param inboundThreshold {@code protection.anomaly_thresholds.inbound}, or null (CRS's default 5)
 * @param outboundThreshold {@code protection.anomaly_thresholds.outbound}, or null (CRS's default 4)
 * @param valueMemo        {@code protection.value_memo}: keep the transformed forms of recurring
 *                         values (header values, cookies, argument names) across requests, for up
 *                         to two idle minutes; false keeps nothing of one request for the next
 */
public record RulesConfig(List<String> files, Integer paranoiaLevel, Integer inboundThreshold,
                          Integer outboundThreshold, boolean valueMemo) {
    /** No rule files: signature inspection is off. */
    public static final RulesConfig NONE = new RulesConfig(List.of(), null, null, null, true);

    /** The rule files with CRS's settings as given and the value memo on (the default). */
    public RulesConfig(List<String> files, Integer paranoiaLevel, Integer inboundThreshold, Integer outboundThreshold) {
        this(files, paranoiaLevel, inboundThreshold, outboundThreshold, true);
    }

    public RulesConfig {
        files = List.copyOf(Objects.requireNonNull(files, "files"));
    }

    public boolean enabled() {
        return !files.isEmpty();
    }
}

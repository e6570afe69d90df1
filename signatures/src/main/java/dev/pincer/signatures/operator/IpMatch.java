package dev.pincer.signatures.operator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code @ipMatch LIST}: true when the value is an IPv4 or IPv6 address inside one of the
 * comma-separated addresses and CIDR ranges of the argument (see {@link IpSet}); a value that is
 * no address does not match. {@code @ipMatchFromFile FILES} (alias {@code @ipMatchF}) reads the
 * list from data files instead: {@code #} starts a comment anywhere on a line, and a line may hold
 * several comma-separated entries, as in ModSecurity v3. No macro expansion.
 *
 * <p>Example: {@code REMOTE_ADDR "@ipMatch 127.0.0.1,::1"} (CRS 905110) matches {@code ::1}.
 */
final class IpMatch implements Operator {

    private final IpSet set;

    private IpMatch(IpSet set) {
        this.set = set;
    }

    static IpMatch fromList(String argument) {
        return new IpMatch(IpSet.parse(Arrays.asList(argument.split(",", -1))));
    }

    static IpMatch fromFiles(String argument, Path ruleFileDir) {
        List<String> entries = new ArrayList<>();
        for (String line : DataFiles.lines(argument, ruleFileDir)) {
            int hash = line.indexOf('#');
            String content = hash < 0 ? line : line.substring(0, hash);
            entries.addAll(Arrays.asList(content.split(",", -1)));
        }
        return new IpMatch(IpSet.parse(entries));
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        return set.contains(value);
    }
}

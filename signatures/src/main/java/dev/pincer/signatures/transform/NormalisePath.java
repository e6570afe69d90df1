package dev.pincer.signatures.transform;

/**
 * {@code t:normalizePath} (also spelt {@code normalisePath}): removes self references
 * ({@code ./}), back references ({@code x/../}) and repeated slashes, as libmodsecurity v3
 * ({@code normalise_path.cc}); {@link #normalise} is that algorithm, shared with
 * {@code normalizePathWin}. An absolute path never climbs above {@code /}; a relative path keeps
 * the {@code ../} it cannot resolve. A trailing slash stays only if the input had one. Like v3, a
 * segment that merely ends in {@code .} before another {@code .} counts as a back reference
 * ({@code a/b../c} gives {@code a/c}).
 *
 * <p>Example: {@code /a/./b/../../../etc//passwd} gives {@code /etc/passwd}.
 */
final class NormalisePath implements Transformation {

    private final String name;

    /** @param name the spelling this instance answers to: normalizePath or normalisePath */
    NormalisePath(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String apply(String value) {
        return normalise(value, false);
    }

    /**
     * v3's {@code normalize_path_inplace}, step for step, on one buffer read and written in place.
     *
     * @param win also treat backslashes as slashes (they become {@code /})
     */
    static String normalise(String value, boolean win) {
        int n = value.length();
        if (n == 0) {
            return value;
        }
        byte[] b = Bytes.bytes(value);
        int end = n - 1;
        boolean relative = !(b[0] == '/' || (win && b[0] == '\\'));
        boolean trailing = b[end] == '/' || (win && b[end] == '\\');
        boolean hitRoot = false;
        boolean done = false;
        int src = 0;
        int dst = 0;
        while (!done && src <= end && dst <= end) {
            if (win) {
                if (b[src] == '\\') {
                    b[src] = '/';
                }
                if (src < end && b[src + 1] == '\\') {
                    b[src + 1] = '/';
                }
            }
            boolean segment = true;
            if (src == end) {
                done = true;
            } else if (b[src + 1] != '/') {
                segment = false;
            }
            if (segment && b[src] == '.') {
                if (dst > 0 && b[dst - 1] == '.') {
                    if (relative && (hitRoot || dst - 2 <= 0)) {
                        hitRoot = true;
                    } else {
                        dst -= 3;
                        while (dst > 0 && b[dst] != '/') {
                            dst--;
                        }
                        if (dst <= 0) {
                            hitRoot = true;
                            dst = !relative && src == end ? 1 : 0;
                        }
                        if (done) {
                            continue;
                        }
                        src++;
                    }
                } else if (dst == 0) {
                    if (done) {
                        continue;
                    }
                    src++;
                } else if (b[dst - 1] == '/') {
                    if (done) {
                        continue;
                    }
                    dst--;
                    src++;
                }
            } else if (segment && (src == end || b[src] != '/') && dst > 0) {
                hitRoot = false;
            }
            if (b[src] == '/') {
                while (src < end && (b[src + 1] == '/' || (win && b[src + 1] == '\\'))) {
                    src++;
                }
                if (relative && dst == 0) {
                    src++;
                    continue;
                }
            }
            b[dst++] = b[src++];
        }
        if (!trailing && dst > 0 && b[dst - 1] == '/') {
            dst--;
        }
        return Bytes.result(value, b, dst);
    }
}

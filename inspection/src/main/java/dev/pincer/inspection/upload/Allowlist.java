package dev.pincer.inspection.upload;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.tika.mime.MediaType;

/**
 * A route's {@code allow} list, compiled: exact types ({@code image/png}) and whole top-level types
 * ({@code image/*}). A type matches by its base type exactly (aliases resolved); its supertypes do
 * not count, so allowing {@code application/zip} does not allow a WAR, nor {@code text/plain} a PHP
 * script. An empty list allows any type.
 *
 * <p>Example: {@code Allowlist.of(List.of("image/*", "application/pdf")).allows(image/gif)} is true.
 */
final class Allowlist {
    static final Allowlist ANY = new Allowlist(Set.of(), Set.of());

    private final Set<String> exact;
    private final Set<String> wildcard;

    private Allowlist(Set<String> exact, Set<String> wildcard) {
        this.exact = exact;
        this.wildcard = wildcard;
    }

    static Allowlist of(List<String> types) {
        if (types.isEmpty()) {
            return ANY;
        }
        Set<String> exact = new HashSet<>();
        Set<String> wildcard = new HashSet<>();
        for (String t : types) {
            if (t.endsWith("/*")) {
                wildcard.add(t.substring(0, t.length() - 2));
            } else {
                MediaType m = MediaType.parse(t);
                exact.add(m == null ? t : TypeDetector.registry().normalize(m.getBaseType()).toString());
            }
        }
        return new Allowlist(Set.copyOf(exact), Set.copyOf(wildcard));
    }

    boolean any() {
        return exact.isEmpty() && wildcard.isEmpty();
    }

    /** True when the list is empty or names {@code type}. */
    boolean allows(MediaType type) {
        if (any()) {
            return true;
        }
        MediaType base = TypeDetector.registry().normalize(type.getBaseType());
        return exact.contains(base.toString()) || wildcard.contains(base.getType());
    }

    /**
     * True only when the list names {@code type} exactly: an explicit choice that lifts a default
     * block. A wildcard never does, so {@code application/*} does not let an ELF through.
     */
    boolean names(MediaType type) {
        return type != null && exact.contains(TypeDetector.registry().normalize(type.getBaseType()).toString());
    }
}

package dev.pincer.signatures.transform;

/**
 * {@code t:normalizePathWin} (also spelt {@code normalisePathWin}): {@code normalizePath} with
 * backslashes read as slashes and written as {@code /}, as libmodsecurity v3
 * ({@code normalise_path_win.cc}).
 *
 * <p>Example: {@code C:\windows\..\boot.ini} gives {@code C:/boot.ini}.
 */
final class NormalisePathWin implements Transformation {

    private final String name;

    /** @param name the spelling this instance answers to: normalizePathWin or normalisePathWin */
    NormalisePathWin(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String apply(String value) {
        return NormalisePath.normalise(value, true);
    }
}

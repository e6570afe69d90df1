package dev.pincer.signatures.lang;

/**
 * Bounds on what one parse may read, so that a hostile or broken rule tree cannot exhaust memory
 * or CPU. Every bound is checked as the input is read and reported as a {@link RuleFileException}
 * naming the bound.
 *
 * @param maxFileBytes bytes in one rule file
 * @param maxTotalBytes bytes in all files of one parse, includes included
 * @param maxLineChars chars in one logical line (a directive with its continuation lines)
 * @param maxDirectives directives returned by one parse
 * @param maxFiles files read by one parse (the top file and every include)
 * @param maxIncludeDepth how deep includes may nest (the top file is depth 0)
 */
record Limits(long maxFileBytes, long maxTotalBytes, int maxLineChars, int maxDirectives,
              int maxFiles, int maxIncludeDepth) {

    /**
     * The defaults. CRS v4 is 1.3 MB in 30 files, about 800 directives, its longest line 12 KB:
     * the bounds leave two orders of magnitude of headroom and still stop a runaway tree early.
     */
    static final Limits DEFAULT = new Limits(
            16L << 20,   // 16 MiB per file: ten times CRS v4 as one file
            64L << 20,   // 64 MiB in all: the whole tree read in memory stays small
            256 << 10,   // 256 KiB per logical line: CRS's longest regex is 12 KB
            100_000,     // directives: CRS has about 800
            10_000,      // files: CRS has about 30
            32);         // include depth, as the brief and Apache's own limit of nesting suggest
}

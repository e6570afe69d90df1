package dev.pincer.correlator.sql;

/**
 * How a reading of a query quotes its strings; the sensor does not say which database runs it, so
 * {@link SqlReadings} tokenizes a query each way that can apply to it.
 * <ul>
 *   <li>{@link #STANDARD}: standard SQL as SQL Server, H2, SQLite, Oracle and PostgreSQL (with
 *       {@code standard_conforming_strings}, the default since 9.1) read plain strings:
 *       {@code ''} doubles a quote, a backslash is an ordinary character. Prefixes {@code N X B}.</li>
 *   <li>{@link #POSTGRES}: {@link #STANDARD} plus PostgreSQL's {@code E'..'} (backslash escapes)
 *       and {@code U&'..'} (also H2's).</li>
 *   <li>{@link #BACKSLASH}: MySQL and MariaDB: a backslash escapes the next character in every
 *       string. Prefixes {@code N X B}; {@code E'..'} is the word {@code E} and a string.</li>
 *   <li>{@link #ORACLE}: {@link #STANDARD} plus Oracle's alternative quoting {@code q'[...]'}.</li>
 * </ul>
 * Which content each prefix accepts is in {@link PrefixedLiterals}.
 */
enum SqlQuoting {
    STANDARD,
    POSTGRES,
    BACKSLASH,
    ORACLE;

    /** True when a backslash inside a plain string escapes the next character. */
    boolean backslash() {
        return this == BACKSLASH;
    }
}

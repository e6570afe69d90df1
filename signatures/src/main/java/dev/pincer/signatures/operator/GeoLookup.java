package dev.pincer.signatures.operator;

/**
 * {@code @geoLookup}: in ModSecurity, looks the value (an address) up in the database of
 * {@code SecGeoLookupDb} and fills the transaction's GEO collection ({@code GEO:COUNTRY_CODE}...),
 * matching when the address was found. Pincer ships no GeoIP database and reads none, so this
 * operator never matches and GEO stays empty: what libmodsecurity v3 does when no database is open.
 * Takes no argument.
 *
 * <p>Example: CRS 3.3's 910100 ({@code SecRule TX:REAL_IP "@geoLookup" "chain"}, then
 * {@code GEO:COUNTRY_CODE "@within %{tx.high_risk_country_codes}"}) never adds to the score; it is
 * reached only when {@code tx.high_risk_country_codes} is set.
 */
final class GeoLookup implements Operator {

    GeoLookup(String argument) {
        if (!argument.isBlank()) {
            throw new IllegalArgumentException("@geoLookup takes no argument");
        }
    }

    @Override
    public boolean matches(OperatorContext ctx, String value) {
        return false;
    }
}

package dev.pincer.correlator.sql;

import dev.pincer.correlator.sql.SqlTokens.Type;
import java.util.Locale;
import java.util.Set;

/**
 * The one multi-token input an {@code ORDER BY} clause may take: a single sort key, that is a
 * column name (optionally qualified, optionally quoted) or a column number, optionally followed by
 * {@code ASC}/{@code DESC} and {@code NULLS FIRST}/{@code NULLS LAST}. The tokens before the input
 * must be {@code ORDER BY}, possibly followed by earlier plain sort keys and commas. Anything else
 * ({@code (select ...)}, {@code 1,(case ...)}, {@code name;drop}, {@code name, email}) is not a
 * single sort key and stays a finding.
 *
 * <p>Example: {@code SELECT * FROM u ORDER BY created, users.name DESC} with input
 * {@code users.name DESC} is allowed.
 */
final class OrderByRule {
    private static final Set<String> DIRECTION = Set.of("asc", "desc");
    private static final Set<String> NULLS_POSITION = Set.of("first", "last");
    /** How far back the clause start is looked for; longer sort lists are judged conservatively. */
    private static final int MAX_LOOKBACK = 64;
    /** Words that end a sort list or start something that is not a sort key. */
    private static final Set<String> KEYWORDS = Set.of("select", "union", "by", "order", "case", "when",
            "limit", "from", "where", "and", "or", "not", "into", "procedure");

    private OrderByRule() {
    }

    static boolean allows(SqlTokens t, int a, int b) {
        return sortKey(t, a, b) && inOrderBy(t, a);
    }

    private static boolean sortKey(SqlTokens t, int a, int b) {
        int k = a;
        if (t.type(k) == Type.NUMBER) {
            k++;
        } else {
            int nameEnd = k;
            while (nameEnd + 2 <= b && t.text(nameEnd + 1).equals(".") && SqlSpanJudge.namePart(t, nameEnd + 2)) {
                nameEnd += 2;
            }
            if (!SqlSpanJudge.namePart(t, k) || isKeyword(t, k)) {
                return false;
            }
            k = nameEnd + 1;
        }
        if (k <= b && DIRECTION.contains(lower(t, k))) {
            k++;
        }
        if (k + 1 <= b && lower(t, k).equals("nulls") && NULLS_POSITION.contains(lower(t, k + 1))) {
            k += 2;
        }
        return k == b + 1;
    }

    private static boolean inOrderBy(SqlTokens t, int a) {
        for (int k = a - 1; k >= 1 && k >= a - MAX_LOOKBACK; k--) {
            String w = lower(t, k);
            if (w.equals("by")) {
                return lower(t, k - 1).equals("order");
            }
            boolean listPart = t.type(k) == Type.NUMBER || w.equals(",") || w.equals(".")
                    || (SqlSpanJudge.namePart(t, k) && !isKeyword(t, k)) || DIRECTION.contains(w)
                    || w.equals("nulls") || NULLS_POSITION.contains(w);
            if (!listPart) {
                return false;
            }
        }
        return false;
    }

    private static boolean isKeyword(SqlTokens t, int k) {
        return t.type(k) == Type.WORD && KEYWORDS.contains(lower(t, k));
    }

    private static String lower(SqlTokens t, int k) {
        return t.text(k).toLowerCase(Locale.ROOT);
    }
}

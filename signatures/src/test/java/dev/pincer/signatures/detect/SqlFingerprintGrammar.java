package dev.pincer.signatures.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The grammar of SQL injection shapes that Pincer's fingerprint set is built from, and the
 * generator that builds it. Each sentence is a value an attacker sends into one context of a
 * query; the generator folds every sentence in its context, in both comment dialects, with the
 * detector's own {@link SqlLexer} and {@link SqlFolder}, and the set of fingerprints is the union.
 *
 * <pre>
 * injection(ctx) ::= lead(ctx) close body tail       (lead and body never fuse into one word)
 * lead(none)     ::= "1" | "x" | ""                  (what the slot expected, or nothing)
 * lead(')        ::= "x'"                            (closes the application's string)
 * lead(")        ::= "x\""
 * close          ::= "" | ")" | "))"
 * body           ::= boolean | union | stacked | clause | arith | juxtaposed
 *                  | boolean (union | clause)        (x' or 1=1 union select 1)
 *                  | " union"                        (1 union -- : the rest elsewhere)
 *                  | "" | logic ("1" | "x")          (quote contexts only: x'-- , x' or 1)
 *                  | call | statement | subquery     (lead "" only: the value is the query)
 * boolean        ::= logic operand cmp operand       (a tautology or contradiction)
 *                  | logic evidence                  (and sleep(5), or (select ...))
 *                  | logic "(" operand cmp reopen    (') or ('a'='a)
 * union          ::= setop "select" selectList [" from x" [" where 1=1"]] | setop subquery
 * stacked        ::= ";" statement
 * clause         ::= order/group by | having | limit | into outfile | procedure | waitfor delay
 * arith          ::= aop evidence [aop reopen] | aop reopen | aop "1--"
 * juxtaposed     ::= " " call | " " subquery         (x" sleep(10) ", scanner probes)
 * tail           ::= "" | " --" | "--" | " -- x" | "#" | "/*" | ";" | ";--" | "\0" ...
 * operand        ::= "1" | "x" | "@v" | string | call | subquery | "@@version" | "(1,2)" ...
 * evidence       ::= call | subquery | "@@version"
 * reopen         ::= the context's quote, maybe with text, left open for the application
 * </pre>
 *
 * In a quote context the last string of a sentence may stay open ({@code x' or 'a'='a}): the
 * application's own closing quote completes it. With lead "" only union, stacked, call,
 * statement and subquery bodies are kept, since a value that merely starts with a logic word is
 * prose. Shapes of ordinary text (a word, {@code or}, a word) are left out on purpose: every
 * boolean in the as-is context needs a comparison or a call, subquery or system variable.
 *
 * <p>Two filters keep the set honest. A sentence's fingerprint enters only if
 * {@link SqlShortShapes} accepts it for that very sentence, and every fingerprint that prose
 * folds to ({@link #proseFingerprints}) is removed. The differential runs that shaped this
 * grammar: CRS v4.28's regression values, libinjection's published samples and false
 * positives, and the e2e corpus (figures in the part report), read, never copied.
 *
 * <p>Run {@code SqlFingerprintFileTest} with {@code -Dpincer.regenerate=true} to rewrite
 * {@code src/main/resources/dev/pincer/signatures/detect/sqli-fingerprints.txt}.
 */
final class SqlFingerprintGrammar {
    private static final String[] LOGIC = {" or ", " and ", " || ", " && ", " xor ", " or not ",
        "or "};
    private static final String[] CMP = {"=", "<>", ">", " like ", " is ", " regexp ", " in ",
        " between 1 and "};
    private static final String[] CALLS = {"sleep(5)", "sleep(5.to_i)", "benchmark(1000,md5(1))",
        "char(65)", "concat(0x41,1)", "if(1=1,1,0)", "ascii(substring(x,1,1))", "version()",
        "user()", "database()", "extractvalue(1,concat(0x7e,version()))", "pg_sleep(5)",
        "load_file('x')", "count(*)", "updatexml(1,1,1)", "char(0x41)", "md5('x')",
        "substring((select x from y),1,1)", "if(now()=sysdate(),sleep(5),0)", "sleep(5 div 2)",
        "concat(0x41,version(),0x41)", "iif(1>1,1,0)", "substr(user,1,1)",
        "ascii(substring(version(),1,1))", "length(load_file('x'))",
        "sleep(@v)", "ord(mid(x,1,1))", "xmltype('x')"};
    private static final String[] SUBQUERIES = {"(select 1)", "(select x from y)",
        "(select sleep(5))", "(select*from(select(sleep(5)))x)", "(select count(*) from x)",
        "(select 1 from dual where 1=1)", "(select extractvalue(1,1))",
        "(select extractvalue(xmltype('x'),'/x'))", "(select load_file('x'||'y'))",
        "(select(pg_sleep(5)))"};
    private static final String[] SETOPS = {" union ", " union all ", " union distinct ",
        "union ", "/**/union/**/", " intersect ", " except ", "union(", " UNION ALL("};
    private static final String[] SELECT_LISTS = {"1", "1,2", "1,2,3", "null", "null,null", "x",
        "x,y", "@@version", "version()", "*", "'a'", "'a','b'", "0x41", "char(65)",
        "1,version()", "null--", "1--", "", "1,concat(1,2)", "concat(0x41,1)", "null,concat(1)",
        "(select 1)", "(select concat(1,2))", "1 limit 1", "1 limit 1,1", "1 order by 1",
        "1 group by 1", "1 into outfile 'x'", "1 or 1=1"};
    private static final String[] STATEMENTS = {"select 1", "select sleep(5)", "drop table x",
        "insert into x values(1)", "update x set y=1", "delete from x", "waitfor delay '0:0:5'",
        "shutdown", "exec xp_cmdshell 'dir'", "exec master..xp_cmdshell 'x'", "declare @a int",
        "if(1=1) select 1", "if 1=1 waitfor delay '0:0:5'", "create table x(y int)",
        "declare @a varchar(8000)", "declare @a int set @a=1",
        "select * from x", "select x from y where z=1", "truncate table x", "select pg_sleep(5)",
        "alter table x drop y", "set @a=1", "select load_file('x')", "select(sleep(5))",
        "select 1 from(select count(*),concat(1,2))", "select concat(0x41,(select 1))",
        "select * from x where y not between 1 and 2", "select chr(65)||chr(66)",
        "if exists(select * from x) select 1", "select 'a'||(select 1)",
        "select 1,concat(1,2) from x", "select 'a',sin(1) from x", "select x,y from z limit 1",
        "select sin(x) from y", "select x,sin(1) from y", "select @v,sin(1) from y"};
    private static final String[] CLAUSES = {" order by 1", " order by x", " group by 1",
        " group by x having 1=1", " having 1=1", " limit 1", " limit 1,1", " limit 1 offset 1",
        " into outfile 'x'", " into dumpfile 'x'", " procedure analyse()", " order by 1 desc",
        "waitfor delay '0:0:5'", " waitfor delay '0:0:5'", " order by sleep(5)",
        " group by concat(version(),floor(rand(0)*2))",
        " group by 1 having 1=1", " order by 1,2"};
    private static final String[] AOPS = {"+", " + ", "-", "*", "||", "|", " | ", "/", " div ",
        "^", "&"};
    private static final String[] TAILS = {"", " --", "--", " -- x", "#", " #", "/*", ";",
        ";--", " --+", "-- -", "\0"};
    /** Tails for the (many) boolean bodies: the ones that fold differently from each other. */
    private static final String[] BOOLEAN_TAILS = {"", " --", "#", "/*"};

    /** Marks a boolean body in {@link #bodies}, so that it gets the shorter tail list. */
    private static final String BOOLEAN = "\u0001";

    private SqlFingerprintGrammar() {
    }

    /** One sentence: a value and the context it is read in. */
    record Sentence(char context, String value) {
    }

    static List<Sentence> sentences() {
        List<Sentence> out = new ArrayList<>();
        for (char ctx : new char[] {0, '\'', '"'}) {
            for (String lead : leads(ctx)) {
                for (String close : new String[] {"", ")", "))"}) {
                    for (String body : bodies(ctx, lead.isEmpty())) {
                        if (glues(lead + close, body)) {
                            continue; // "x" + "union " would be the one word "xunion"
                        }
                        String[] tails = body.startsWith(BOOLEAN) ? BOOLEAN_TAILS : TAILS;
                        String text = body.startsWith(BOOLEAN) ? body.substring(1) : body;
                        for (String tail : tails) {
                            out.add(new Sentence(ctx, lead + close + text + tail));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Whether two pieces would fuse into one word: both sides alphanumeric at the seam. */
    private static boolean glues(String left, String right) {
        String r = right.startsWith(BOOLEAN) ? right.substring(1) : right;
        return !left.isEmpty() && !r.isEmpty()
                && Character.isLetterOrDigit(left.charAt(left.length() - 1))
                && Character.isLetterOrDigit(r.charAt(0));
    }

    private static String[] leads(char ctx) {
        return switch (ctx) {
            case '\'' -> new String[] {"x'"};
            case '"' -> new String[] {"x\""};
            default -> new String[] {"1", "x", ""};
        };
    }

    private static List<String> bodies(char ctx, boolean bare) {
        List<String> b = new ArrayList<>();
        List<String> evidence = new ArrayList<>(List.of(CALLS));
        evidence.addAll(List.of(SUBQUERIES));
        evidence.add("@@version");
        b.add(" union"); // 1 union -- : the rest comes in another parameter
        for (String setop : SETOPS) {
            for (String list : SELECT_LISTS) {
                b.add(setop + "select " + list);
                b.add(setop + "select " + list + " from x");
                b.add(setop + "select " + list + " from x where 1=1");
            }
            b.add(setop + "(select 1)");
        }
        for (String stmt : STATEMENTS) {
            b.add(";" + stmt);
            b.add("; " + stmt);
        }
        for (String call : CALLS) {
            b.add(" " + call);
        }
        for (String sub : SUBQUERIES) {
            b.add(" " + sub); // x' (select load_file(...)) '
        }
        if (bare) {
            for (String call : CALLS) {
                if (!call.endsWith("()")) {
                    b.add(call); // sleep(5) alone; but version() alone is just a word
                }
            }
            for (String stmt : STATEMENTS) {
                if (stmt.indexOf(' ') > 0 || stmt.indexOf('(') > 0) {
                    b.add(stmt); // the value is a whole statement, more than one word
                }
            }
            b.addAll(List.of(SUBQUERIES));
            return b;
        }
        for (String clause : CLAUSES) {
            b.add(clause);
        }
        List<String> operands = List.of("1", "x", "@v", "'a'", "\"a\"", "sleep(5)", "version()",
            "(select 1)", "@@version", "x'41'", "(1,2)", "(1+2)", "(false)");
        for (String logic : LOGIC) {
            for (String e : evidence) {
                b.add(BOOLEAN + logic + e);
            }
            b.add(BOOLEAN + logic + "(ascii(substring(version(),1,1))=51)");
            for (String left : operands) {
                for (String cmp : CMP) {
                    for (String right : operands) {
                        // IN takes a list: "x in x" is prose-shaped, "x in (x)" is not
                        String r = cmp.equals(" in ") ? "(" + right + ")" : right;
                        b.add(BOOLEAN + logic + left + cmp + r);
                    }
                    if (ctx != 0) {
                        b.add(BOOLEAN + logic + left + cmp + ctx + "a"); // the application closes it
                        b.add(BOOLEAN + logic + "(" + left + cmp + ctx + "a");
                    }
                }
            }
        }
        if (ctx == 0) {
            b.add(""); // 1-- : with the tails, a number whose query is commented out
        }
        if (ctx != 0) {
            b.add(""); // x'-- : the rest of the query commented out
            for (String logic : LOGIC) {
                b.add(logic + "1"); // x' or 1 -- : a broken-out string needs no comparison
                b.add(logic + "x");
            }
        }
        for (String more : new String[] {" or 1=1", " and 1=2", " or 'a'='a'", " and sleep(5)",
            " and 0", " or 1", " limit 1", " limit 0", " order by 1"}) {
            for (String setop : SETOPS) {
                b.add(more + setop + "select 1");
            }
            for (String clause : CLAUSES) {
                b.add(more + clause);
            }
        }
        for (String aop : AOPS) {
            if (ctx != 0) {
                b.add(aop + "1--"); // x'*2-- (without the comment, 5'/3 is a height)
                b.add(aop + "1 or " + ctx); // x'-1 or '
                b.add(aop + "(1) and 1=1--");
                b.add(aop + "(" + ctx + "a" + ctx + ") and 1=1--");
            }
            for (String e : evidence) {
                b.add(aop + e);
                if (ctx != 0) {
                    b.add(aop + e + aop + ctx);
                }
            }
            if (ctx != 0) {
                b.add(aop + ctx); // x' || '   string concatenation with an open string
                b.add(aop + ctx + "a");
            }
        }
        return b;
    }

    /** @return the sorted fingerprint set the grammar folds to */
    static Set<String> fingerprints() {
        Set<String> set = new TreeSet<>();
        SqlFolder folder = new SqlFolder();
        for (Sentence s : sentences()) {
            for (boolean mysql : new boolean[] {false, true}) {
                if (s.context() == '"' && !mysql) {
                    continue;
                }
                SqlLexer lexer = new SqlLexer(s.value(), s.context(), mysql);
                String fp = folder.fold(lexer);
                // Only through a sentence the short-shape check accepts: "x'#" folds to "so",
                // which the check rejects (a '#'), so "so" must not come in for '"><b>' either.
                if (!fp.isEmpty() && SqlShortShapes.isInjection(fp, folder.tokens(),
                        lexer.statTokens, s.value())) {
                    set.add(fp);
                }
            }
        }
        set.removeAll(proseFingerprints());
        set.removeIf(fp -> fp.length() == 1); // one token is a word, never a statement
        set.add("X"); // nested and MySQL-conditional comments: no plain text has them
        return set;
    }

    /**
     * Pieces of ordinary text: words, numbers, conjunctions, punctuation, names with an
     * apostrophe and quoted words. Any sequence of up to three of them is prose (and of four of
     * {@link #PROSE_AROUND_VERBS}, to keep the generator quick).
     */
    private static final String[] PROSE = {"cats", "12", "and", "or", "&", "-", "+", "/", "%",
        ",", "(cats)", "O'Brien", "\"best\"", ".", "!", "@example.com"};

    /**
     * Words that are SQL and English both ("drop me a line"): prose has one of them, among up to
     * three pieces of {@link #PROSE_AROUND_VERBS}.
     */
    private static final String[] PROSE_VERBS = {"select", "update", "drop", "delete", "insert",
        "union", "order", "create", "set", "table", "sleep", "count", "left", "if", "by", "is",
        "like", "not", "in"};
    private static final String[] PROSE_AROUND_VERBS = {"cats", "12", "and", "or", ",", "-",
        "O'Brien", "(cats)", "\"best\""};

    /**
     * The fingerprints of prose, in every context and dialect, that {@link SqlShortShapes} would
     * not clear: removed from the set, because a shape that text also has cannot tell an
     * injection from text. For example {@code x or x=1} folds to {@code n&n}, like
     * {@code cats or dogs}; but {@code 1&1o1} stays, since prose has no comparison, and
     * {@code 1&1} stays only as far as {@code SqlShortShapes} tells {@code 12 and 12} (three
     * tokens) from the arithmetic {@code 1 or 2+3} (five).
     */
    static Set<String> proseFingerprints() {
        Set<String> prose = new TreeSet<>();
        SqlFolder folder = new SqlFolder();
        for (int len = 1; len <= 3; len++) {
            for (List<String> words : sequences(PROSE, len)) {
                addProse(words, folder, prose);
            }
        }
        for (List<String> words : sequences(PROSE_AROUND_VERBS, 4)) {
            addProse(words, folder, prose);
        }
        for (String verb : PROSE_VERBS) {
            for (int len = 0; len <= 3; len++) {
                for (List<String> words : sequences(PROSE_AROUND_VERBS, len)) {
                    for (int at = 0; at <= len; at++) {
                        List<String> sentence = new ArrayList<>(words);
                        sentence.add(at, verb);
                        addProse(sentence, folder, prose);
                    }
                }
            }
        }
        return prose;
    }

    /** Every sequence of {@code len} pieces from {@code alphabet}. */
    private static List<List<String>> sequences(String[] alphabet, int len) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        for (int i = 0; i < len; i++) {
            List<List<String>> longer = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String piece : alphabet) {
                    List<String> next = new ArrayList<>(prefix);
                    next.add(piece);
                    longer.add(next);
                }
            }
            out = longer;
        }
        return out;
    }

    /** Each prose sentence twice: spaced, and with punctuation against its neighbours. */
    private static void addProse(List<String> words, SqlFolder folder, Set<String> prose) {
        addProse(String.join(" ", words), folder, prose);
        StringBuilder tight = new StringBuilder();
        for (String w : words) {
            boolean glue = tight.isEmpty() || !Character.isLetterOrDigit(w.charAt(0))
                    || !Character.isLetterOrDigit(tight.charAt(tight.length() - 1));
            tight.append(glue ? "" : " ").append(w);
        }
        addProse(tight.toString(), folder, prose);
    }

    private static void addProse(String text, SqlFolder folder, Set<String> prose) {
        for (char ctx : new char[] {0, '\'', '"'}) {
            if (ctx != 0 && text.indexOf(ctx) < 0) {
                continue;
            }
            for (boolean mysql : new boolean[] {false, true}) {
                SqlLexer lexer = new SqlLexer(text, ctx, mysql);
                String fp = folder.fold(lexer);
                if (!fp.isEmpty() && SqlShortShapes.isInjection(fp, folder.tokens(),
                        lexer.statTokens, text)) {
                    prose.add(fp);
                }
            }
        }
    }
}

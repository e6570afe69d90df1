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
 * injection(ctx) ::= lead(ctx) close body tail
 * lead(none)     ::= "1" | "-1" | "1.5" | "x" | ""   (what the slot expected, or nothing)
 * lead(')        ::= "x'"                            (closes the application's string)
 * lead(")        ::= "x\""
 * close          ::= "" | ")" | "))"
 * body           ::= boolean | union | stacked | clause | arith | call
 * boolean        ::= logic operand cmp operand       (a tautology or contradiction)
 *                  | logic evidence                  (and sleep(5), or (select ...))
 * union          ::= setop "select" selectList [" from x"]
 * stacked        ::= ";" statement
 * clause         ::= order/group by | having | limit | into outfile | procedure | waitfor delay
 * arith          ::= aop evidence [aop reopen]      (x' + sleep(5) + ')
 * call           ::= " " call                        (juxtaposed call, scanner probes)
 * tail           ::= "" | " --" | "--" | " -- x" | "#" | "/*" | ";" | ";--"
 * operand        ::= "1" | "x" | "@v" | string | evidence
 * evidence       ::= call | subquery | "@@version"
 * </pre>
 *
 * In a quote context the last string of a sentence may stay open ({@code x' or 'a'='a}): the
 * application's own closing quote completes it. With lead "" only union, stacked and call bodies
 * are kept, since a value that merely starts with a logic word is prose. Shapes of ordinary text
 * (a word, {@code or}, a word) are left out on purpose: every boolean needs a comparison or a
 * call, subquery or system variable, which prose does not have.
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
        "load_file('x')", "count(*)", "updatexml(1,1,1)", "char(0x41)", "md5('x')", "f()",
        "sleep(@v)", "ord(mid(x,1,1))", "xmltype('x')"};
    private static final String[] SUBQUERIES = {"(select 1)", "(select x from y)",
        "(select sleep(5))", "(select*from(select(sleep(5)))x)", "(select count(*) from x)",
        "(select 1 from dual where 1=1)", "(select extractvalue(1,1))"};
    private static final String[] SETOPS = {" union ", " union all ", " union distinct ",
        "union ", "/**/union/**/", " intersect ", " except ", "union(", " UNION ALL("};
    private static final String[] SELECT_LISTS = {"1", "1,2", "1,2,3", "null", "null,null", "x",
        "x,y", "@@version", "version()", "*", "'a'", "'a','b'", "0x41", "char(65)",
        "1,version()", "null--", "1--"};
    private static final String[] STATEMENTS = {"select 1", "select sleep(5)", "drop table x",
        "insert into x values(1)", "update x set y=1", "delete from x", "waitfor delay '0:0:5'",
        "shutdown", "exec xp_cmdshell 'dir'", "exec master..xp_cmdshell 'x'", "declare @a int",
        "if(1=1) select 1", "if 1=1 waitfor delay '0:0:5'", "create table x(y int)",
        "declare @a varchar(8000)", "declare @a int set @a=1",
        "select * from x", "select x from y where z=1", "truncate table x", "select pg_sleep(5)",
        "alter table x drop y", "set @a=1", "begin", "select load_file('x')"};
    private static final String[] CLAUSES = {" order by 1", " order by x", " group by 1",
        " group by x having 1=1", " having 1=1", " limit 1", " limit 1,1", " limit 1 offset 1",
        " into outfile 'x'", " into dumpfile 'x'", " procedure analyse()", " order by 1 desc",
        "waitfor delay '0:0:5'", " waitfor delay '0:0:5'", " order by sleep(5)",
        " group by concat(version(),floor(rand(0)*2))", " desc", " asc",
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
        if (bare) {
            for (String call : CALLS) {
                b.add(call);
            }
            return b;
        }
        for (String clause : CLAUSES) {
            b.add(clause);
        }
        List<String> operands = List.of("1", "x", "@v", "'a'", "\"a\"", "sleep(5)", "version()",
            "(select 1)", "@@version", "x'41'");
        for (String logic : LOGIC) {
            for (String e : evidence) {
                b.add(BOOLEAN + logic + e);
            }
            for (String left : operands) {
                for (String cmp : CMP) {
                    for (String right : operands) {
                        b.add(BOOLEAN + logic + left + cmp + right);
                    }
                    if (ctx != 0) {
                        b.add(BOOLEAN + logic + left + cmp + ctx + "a"); // the application closes it
                        b.add(BOOLEAN + logic + "(" + left + cmp + ctx + "a");
                    }
                }
            }
        }
        if (ctx != 0) {
            b.add(""); // x'-- : the rest of the query commented out
            for (String logic : LOGIC) {
                b.add(logic + "1"); // x' or 1 -- : a broken-out string needs no comparison
                b.add(logic + "x");
            }
        }
        for (String more : new String[] {" or 1=1", " and 1=2", " or 'a'='a'", " and sleep(5)"}) {
            for (String setop : SETOPS) {
                b.add(more + setop + "select 1");
            }
            for (String clause : CLAUSES) {
                b.add(more + clause);
            }
        }
        for (String aop : AOPS) {
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
                String fp = folder.fold(new SqlLexer(s.value(), s.context(), mysql));
                if (!fp.isEmpty()) {
                    set.add(fp);
                }
            }
        }
        set.removeAll(proseFingerprints());
        set.add("X"); // nested and MySQL-conditional comments: no plain text has them
        return set;
    }

    /**
     * Pieces of ordinary text: words, numbers, conjunctions, punctuation, names with an
     * apostrophe and quoted words. Any sequence of up to four of them is prose.
     */
    private static final String[] PROSE = {"cats", "12", "and", "or", "&", "-", "+", "/", "%",
        ",", "(cats)", "O'Brien", "\"best\"", "1.5", ".", ":", "!"};

    /**
     * The fingerprints of prose, in every context and dialect, that {@link SqlShortShapes} would
     * not clear: removed from the set, because a shape that text also has cannot tell an
     * injection from text. For example {@code x or x=1} folds to {@code n&n}, like
     * {@code cats or dogs}; but {@code 1&1} stays, since {@code 12 and 12} has three tokens and
     * the tautology {@code 1 or 1=1} five.
     */
    static Set<String> proseFingerprints() {
        Set<String> prose = new TreeSet<>();
        SqlFolder folder = new SqlFolder();
        int k = PROSE.length;
        for (int len = 1; len <= 4; len++) {
            int[] idx = new int[len];
            while (true) {
                StringBuilder spaced = new StringBuilder();
                StringBuilder tight = new StringBuilder();
                for (int i = 0; i < len; i++) {
                    spaced.append(i == 0 ? "" : " ").append(PROSE[idx[i]]);
                    tight.append(PROSE[idx[i]]);
                }
                for (String text : new String[] {spaced.toString(), tight.toString()}) {
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
                int i = len - 1;
                while (i >= 0 && ++idx[i] == k) {
                    idx[i--] = 0;
                }
                if (i < 0) {
                    break;
                }
            }
        }
        return prose;
    }
}

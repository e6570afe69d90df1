package dev.pincer.correlator.shell;

import java.util.Arrays;

/**
 * What a shell lexer learned about each character of a script: which word (argument) it belongs
 * to, whether it is active syntax (a separator, redirection, substitution, expansion or comment
 * start that the shell acts on), whether it is an unquoted blank that separates words, and which
 * words stand in command position. Lexers fill it in one pass; {@link ScriptJudge} reads it.
 *
 * <p>Example: for {@code ls 'a b';id} words are {@code ls} (command), {@code 'a b'}, {@code id}
 * (command); {@code ;} is syntax; the space after {@code ls} is a blank.
 */
final class ScriptMap {
    final String script;
    final int[] word;
    final boolean[] syntax;
    final boolean[] blank;
    /** Quote characters that open or close quoting. */
    final boolean[] quote;
    private int[] wordStart = new int[8];
    private int[] wordEnd = new int[8];
    private boolean[] command = new boolean[8];
    private int words;
    private boolean inWord;
    private boolean expectCommand = true;
    private boolean nextIsOperand;
    int unterminatedAt = -1;

    ScriptMap(String script) {
        this.script = script;
        int n = script.length();
        word = new int[n];
        Arrays.fill(word, -1);
        syntax = new boolean[n];
        blank = new boolean[n];
        quote = new boolean[n];
    }

    /** Character {@code i} belongs to the current word (starting one if needed); {@code q}: it is a quote. */
    void wordChar(int i, boolean q) {
        if (!inWord) {
            if (words == wordStart.length) {
                wordStart = Arrays.copyOf(wordStart, words * 2);
                wordEnd = Arrays.copyOf(wordEnd, words * 2);
                command = Arrays.copyOf(command, words * 2);
            }
            wordStart[words] = -1;
            command[words] = expectCommand && !nextIsOperand && !ShellScript.isAssignment(script.substring(i,
                    Math.min(script.length(), i + 66)));
            if (command[words]) {
                expectCommand = false;
            }
            nextIsOperand = false;
            words++;
            inWord = true;
        }
        word[i] = words - 1;
        quote[i] = q;
        if (!q) {
            if (wordStart[words - 1] < 0) {
                wordStart[words - 1] = i;
            }
            wordEnd[words - 1] = i + 1;
        }
    }

    void endWord() {
        inWord = false;
    }

    void blank(int i) {
        blank[i] = true;
        inWord = false;
    }

    /** Character {@code i} is syntax; {@code separator}: what follows is a new command. */
    void syntax(int i, boolean separator) {
        syntax[i] = true;
        if (separator) {
            inWord = false;
            expectCommand = true;
        }
    }

    /** The next word is a redirection target, not a command. */
    void operandNext() {
        inWord = false;
        nextIsOperand = true;
    }

    int words() {
        return words;
    }

    boolean command(int w) {
        return command[w];
    }

    /** First and one-past-last unquoted character of word {@code w} (-1 when it has none). */
    int literalStart(int w) {
        return wordStart[w];
    }

    int literalEnd(int w) {
        return wordEnd[w];
    }
}

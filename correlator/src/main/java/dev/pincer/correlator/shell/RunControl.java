package dev.pincer.correlator.shell;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Environment variables that change what a process runs or loads, rather than being data for it:
 * the dynamic loader's ({@code LD_PRELOAD}, {@code LD_LIBRARY_PATH}, {@code LD_AUDIT}, every
 * {@code LD_*} and macOS {@code DYLD_*}), the shells' start-up and prompt hooks ({@code BASH_ENV},
 * {@code ENV}, {@code PS4}, {@code PROMPT_COMMAND}, {@code SHELLOPTS}, {@code BASHOPTS}, {@code IFS},
 * exported functions {@code BASH_FUNC_*}), the search paths ({@code PATH}, {@code CDPATH}), the
 * runtimes' option and library variables ({@code JAVA_TOOL_OPTIONS}, {@code _JAVA_OPTIONS},
 * {@code JDK_JAVA_OPTIONS}, {@code CLASSPATH}, {@code PYTHON*}, {@code PERL*}, {@code RUBY*},
 * {@code NODE_*}, {@code GEM_*}, {@code LUA_*}, {@code PHPRC}), programs that run a command they find
 * in the environment ({@code GIT_*} such as {@code GIT_SSH_COMMAND}, {@code LESSOPEN},
 * {@code PAGER}, {@code EDITOR}, {@code SSH_ASKPASS}), and the configuration files libraries load
 * code from ({@code OPENSSL_CONF}, {@code GCONV_PATH}, {@code HOME}, {@code XDG_CONFIG_HOME},
 * {@code ZDOTDIR}). Names compare ignoring case (Windows names do). Proxy variables
 * ({@code http_proxy}) redirect traffic but run nothing, and are not in the list.
 *
 * <p>Example: {@code runsCode("LD_PRELOAD")} and {@code runsCode("PYTHONSTARTUP")} are true,
 * {@code runsCode("USER_NAME")} and {@code runsCode("LANG")} false.
 */
final class RunControl {
    private static final Set<String> NAMES = Set.of(
            "PATH", "CDPATH", "BASH_ENV", "ENV", "ZDOTDIR", "SHELL", "SHELLOPTS", "BASHOPTS", "IFS", "GLOBIGNORE",
            "PS1", "PS2", "PS3", "PS4", "PROMPT_COMMAND", "HOME", "XDG_CONFIG_HOME", "XDG_CONFIG_DIRS",
            "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS", "JAVA_HOME", "CLASSPATH",
            "PHPRC", "PHP_INI_SCAN_DIR", "GCONV_PATH", "OPENSSL_CONF", "OPENSSL_ENGINES", "OPENSSL_MODULES",
            "LESSOPEN", "LESSCLOSE", "PAGER", "MANPAGER", "EDITOR", "VISUAL", "BROWSER", "SSH_ASKPASS",
            "SUDO_ASKPASS", "HOSTALIASES", "TCLLIBPATH", "R_PROFILE", "R_PROFILE_USER");
    private static final List<String> PREFIXES = List.of(
            "LD_", "DYLD_", "BASH_FUNC_", "PYTHON", "PERL", "RUBY", "NODE_", "NPM_CONFIG_", "GEM_", "BUNDLE_",
            "GIT_", "LUA_");

    private RunControl() {
    }

    /** True when a variable named {@code name} can change what a process runs or loads. */
    static boolean runsCode(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (NAMES.contains(n)) {
            return true;
        }
        for (String p : PREFIXES) {
            if (n.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}

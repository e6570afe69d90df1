package dev.pincer.inspection.upload;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;

/**
 * The types blocked by default, as roots of Tika's type hierarchy (a type is blocked when it is
 * one of them or a specialization of one, so {@code application/x-executable} is blocked as an ELF
 * and {@code application/x-tika-java-web-archive} as a Java archive), and the file-name extensions
 * that stand for them where Tika's globs have none ({@code .phtml}, {@code .phar}, {@code .aspx}...).
 *
 * <p>Example: {@code reason(text/x-php)} is {@code "a server-side script"};
 * {@code reason(image/png)} is null.
 */
final class Blocklist {
    private static final Map<String, String> ROOTS = Map.ofEntries(
            Map.entry("application/x-elf", "an executable"),
            Map.entry("application/x-msdownload", "an executable"),
            Map.entry("application/x-dosexec", "an executable"),
            Map.entry("application/x-mach-o", "an executable"),
            Map.entry("application/x-mach-o-universal", "an executable"),
            Map.entry("text/x-php", "a server-side script"),
            Map.entry("text/x-jsp", "a server-side script"),
            Map.entry("text/asp", "a server-side script"),
            Map.entry("text/aspdotnet", "a server-side script"),
            Map.entry("application/java-archive", "a Java archive"),
            Map.entry("application/java-vm", "a Java class"),
            Map.entry("application/x-sh", "a shell script"),
            Map.entry("application/x-csh", "a shell script"),
            // declared types clients send for the same things, not all known to Tika's registry
            Map.entry("application/x-php", "a server-side script"),
            Map.entry("application/x-httpd-php", "a server-side script"),
            Map.entry("application/php", "a server-side script"),
            Map.entry("application/x-jsp", "a server-side script"),
            Map.entry("application/x-asp", "a server-side script"),
            Map.entry("application/x-java-archive", "a Java archive"),
            Map.entry("application/x-java-class", "a Java class"),
            Map.entry("application/x-executable", "an executable"),
            Map.entry("application/x-msdos-program", "an executable"),
            Map.entry("application/vnd.microsoft.portable-executable", "an executable"),
            Map.entry("application/x-shellscript", "a shell script"),
            Map.entry("text/x-shellscript", "a shell script"),
            Map.entry("text/x-sh", "a shell script"));
    /** Tika declares the Mach-O file types without a common supertype: matched by name. */
    private static final String MACH_O = "application/x-mach-o";
    /** Extensions servers execute that Tika's globs do not all name; each mapped to a root above. */
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("php", "text/x-php"), Map.entry("php3", "text/x-php"), Map.entry("php4", "text/x-php"),
            Map.entry("php5", "text/x-php"), Map.entry("php7", "text/x-php"), Map.entry("php8", "text/x-php"),
            Map.entry("phtml", "text/x-php"), Map.entry("pht", "text/x-php"), Map.entry("phar", "text/x-php"),
            Map.entry("phps", "text/x-php"), Map.entry("jsp", "text/x-jsp"), Map.entry("jspx", "text/x-jsp"),
            Map.entry("jspf", "text/x-jsp"), Map.entry("asp", "text/asp"), Map.entry("aspx", "text/aspdotnet"),
            Map.entry("ashx", "text/aspdotnet"), Map.entry("asmx", "text/aspdotnet"),
            Map.entry("ascx", "text/aspdotnet"), Map.entry("cer", "text/asp"),
            Map.entry("war", "application/java-archive"), Map.entry("jar", "application/java-archive"),
            Map.entry("ear", "application/java-archive"), Map.entry("class", "application/java-vm"),
            Map.entry("exe", "application/x-msdownload"), Map.entry("dll", "application/x-msdownload"),
            Map.entry("scr", "application/x-msdownload"), Map.entry("elf", "application/x-elf"),
            Map.entry("so", "application/x-elf"), Map.entry("dylib", "application/x-mach-o"),
            Map.entry("sh", "application/x-sh"), Map.entry("bash", "application/x-sh"),
            Map.entry("zsh", "application/x-sh"), Map.entry("csh", "application/x-csh"));
    private static final List<MediaType> ROOT_TYPES = ROOTS.keySet().stream().map(MediaType::parse).toList();

    private Blocklist() {
    }

    /** Why {@code type} is blocked by default, or null when it is not. */
    static String reason(MediaType type) {
        if (type == null) {
            return null;
        }
        MediaTypeRegistry r = TypeDetector.registry();
        MediaType base = r.normalize(type.getBaseType());
        if (base.toString().startsWith(MACH_O)) {
            return "an executable";
        }
        for (MediaType root : ROOT_TYPES) {
            if (r.isInstanceOf(base, root)) {
                return ROOTS.get(root.toString());
            }
        }
        return null;
    }

    /** The blocked type a file name's last extension stands for, or null. */
    static MediaType byExtension(String filename) {
        if (filename == null) {
            return null;
        }
        int dot = filename.lastIndexOf('.');
        String root = dot < 0 ? null : EXTENSIONS.get(filename.substring(dot + 1).trim().toLowerCase(Locale.ROOT));
        return root == null ? null : MediaType.parse(root);
    }
}

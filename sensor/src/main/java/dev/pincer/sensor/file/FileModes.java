package dev.pincer.sensor.file;

import dev.pincer.sensor.bootstrap.Bridge;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;

/**
 * What a hooked file method does to its path(s), from the method's name: the CHECK's mode
 * ({@code read}, {@code write}, {@code delete}, {@code list}, {@code stat}). The same names mean
 * the same thing on {@code java.io.File}, on {@code FileSystemProvider} and on
 * {@code java.nio.file.Files} ({@code delete}, {@code exists}, {@code isHidden}...). A name this
 * table does not know is a {@code stat}: it is still checked, never skipped.
 *
 * <p>Example: {@code of("renameTo")} is {@code delete} (the old name goes away) and
 * {@code ofSecond("renameTo")} is {@code write} (the new name is created).
 */
final class FileModes {
    private FileModes() {
    }

    /** The mode of the method's first path; {@code null} when its open options decide. */
    static String of(String method) {
        switch (method) {
            case "newByteChannel":
            case "newFileChannel":
            case "newAsynchronousFileChannel":
            case "newInputStream":
            case "newOutputStream":
                return null;
            case "createDirectory":
            case "createLink":
            case "createSymbolicLink":
            case "setAttribute":
            case "mkdir":
            case "mkdirs":
            case "createNewFile":
            case "createTempFile":
            case "setReadable":
            case "setWritable":
            case "setExecutable":
            case "setReadOnly":
            case "setLastModified":
                return Bridge.WRITE;
            case "delete":
            case "deleteIfExists":
            case "deleteOnExit":
            case "move":
            case "renameTo":
                return Bridge.DELETE;
            case "newDirectoryStream":
            case "list":
            case "listFiles":
            case "walk":
            case "find":
            case "walkFileTree":
                return Bridge.LIST;
            case "copy":
            case "newFileSystem":
                return Bridge.READ;
            default:
                return Bridge.STAT;
        }
    }

    /**
     * The mode of the method's second argument when that is a path too ({@code copy}, {@code move},
     * {@code renameTo}: the destination is written; {@code createLink}, {@code createSymbolicLink}:
     * the target is made reachable, a read; {@code isSameFile}: both are stats); otherwise
     * {@code null}, and the second argument is not a path.
     */
    static String ofSecond(String method) {
        switch (method) {
            case "copy":
            case "move":
            case "renameTo":
                return Bridge.WRITE;
            case "createLink":
            case "createSymbolicLink":
                return Bridge.READ;
            case "isSameFile":
                return Bridge.STAT;
            default:
                return null;
        }
    }

    /**
     * An open's mode from its options (a {@code Set} or an array): {@code DELETE_ON_CLOSE} deletes,
     * {@code WRITE} or {@code APPEND} writes, anything else reads; {@code newOutputStream} always
     * writes ({@code WRITE} is implied).
     */
    static String ofOptions(String method, Object options) {
        Collection<?> opts;
        if (options instanceof Collection) {
            opts = (Collection<?>) options;
        } else if (options instanceof OpenOption[]) {
            opts = Arrays.asList((OpenOption[]) options);
        } else {
            opts = Collections.emptyList();
        }
        if (opts.contains(StandardOpenOption.DELETE_ON_CLOSE)) {
            return Bridge.DELETE;
        }
        if ("newOutputStream".equals(method) || opts.contains(StandardOpenOption.WRITE)
                || opts.contains(StandardOpenOption.APPEND)) {
            return Bridge.WRITE;
        }
        return Bridge.READ;
    }
}

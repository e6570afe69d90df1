package dev.pincer.sensor.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileSinkTest {
    @Test
    void openOptionsDecideTheMode() {
        assertEquals("read", FileModes.ofOptions("newByteChannel", Set.of(StandardOpenOption.READ)));
        assertEquals("read", FileModes.ofOptions("newByteChannel", Set.of()));
        assertEquals("read", FileModes.ofOptions("newInputStream", new OpenOption[0]));
        assertEquals("write", FileModes.ofOptions("newByteChannel",
                Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE)));
        assertEquals("write", FileModes.ofOptions("newFileChannel", new OpenOption[] {StandardOpenOption.APPEND}));
        assertEquals("write", FileModes.ofOptions("newOutputStream", new OpenOption[0]));
        assertEquals("write", FileModes.ofOptions("newOutputStream", null));
        assertEquals("read", FileModes.ofOptions("newByteChannel", null));
        assertEquals("delete", FileModes.ofOptions("newInputStream",
                new OpenOption[] {StandardOpenOption.DELETE_ON_CLOSE}));
        assertEquals("delete", FileModes.ofOptions("newByteChannel",
                Set.of(StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE)));
    }

    /** The mode of each hooked method's first and second path ({@code -}: options decide, or no path). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "exists, stat, -", "isFile, stat, -", "isDirectory, stat, -", "isHidden, stat, -", "length, stat, -",
        "lastModified, stat, -", "canRead, stat, -", "canWrite, stat, -", "canExecute, stat, -",
        "getUsableSpace, stat, -", "checkAccess, stat, -", "readAttributes, stat, -",
        "readAttributesIfExists, stat, -", "getFileAttributeView, stat, -", "isRegularFile, stat, -",
        "readSymbolicLink, stat, -", "getFileStore, stat, -", "isSameFile, stat, stat",
        "delete, delete, -", "deleteIfExists, delete, -", "deleteOnExit, delete, -", "move, delete, write",
        "renameTo, delete, write", "copy, read, write", "newFileSystem, read, -",
        "mkdir, write, -", "mkdirs, write, -", "createNewFile, write, -", "createTempFile, write, -",
        "createDirectory, write, -", "setAttribute, write, -", "setReadable, write, -", "setWritable, write, -",
        "setExecutable, write, -", "setReadOnly, write, -", "setLastModified, write, -",
        "createLink, write, read", "createSymbolicLink, write, read",
        "list, list, -", "listFiles, list, -", "newDirectoryStream, list, -", "walk, list, -", "find, list, -",
        "walkFileTree, list, -",
        "newByteChannel, -, -", "newFileChannel, -, -", "newAsynchronousFileChannel, -, -",
        "newInputStream, -, -", "newOutputStream, -, -",
        "someMethodOfAFutureJdk, stat, -",
    })
    void eachMethodHasItsMode(String method, String first, String second) {
        assertEquals(first.equals("-") ? null : first, FileModes.of(method));
        assertEquals(second.equals("-") ? null : second, FileModes.ofSecond(method));
    }

    /** Every name the hook matches has a mode that is not a silent default by accident. */
    @Test
    void everyHookedNameIsInTheTable() {
        for (String m : FileHook.FILE_METHODS) {
            String mode = FileModes.of(m);
            assertTrue(mode != null, m);
        }
        assertTrue(Arrays.asList(FileHook.PROVIDER_METHODS).containsAll(Arrays.asList("delete", "copy", "move",
                "newDirectoryStream", "readAttributes", "checkAccess", "createDirectory")));
    }

    @Test
    void classPathSearchesAreRecognisedByTheirLoaderFrames() {
        assertTrue(ClassPathLookup.isLoader("jdk.internal.loader.URLClassPath$FileLoader"));
        assertTrue(ClassPathLookup.isLoader("sun.misc.URLClassPath$FileLoader"));
        assertTrue(ClassPathLookup.isLoader("org.apache.catalina.loader.WebappClassLoaderBase"));
        assertFalse(ClassPathLookup.isLoader("org.apache.catalina.servlets.DefaultServlet"));
        assertFalse(ClassPathLookup.isLoader("com.example.Templates"));
        assertFalse(ClassPathLookup.inProgress(), "a test calling directly is no class loader");
    }

    /** The loader frame is looked for in the innermost MAX_FRAMES frames, not one more. */
    @Test
    void classPathSearchIsLookedForAtMostMaxFramesDeep() {
        int max = ClassPathLookup.MAX_FRAMES;
        assertTrue(ClassPathLookup.inProgress(frames(max + 5, max - 1)));
        assertFalse(ClassPathLookup.inProgress(frames(max + 5, max)));
        assertFalse(ClassPathLookup.inProgress(frames(3, -1)));
    }

    private static StackTraceElement[] frames(int n, int loaderAt) {
        StackTraceElement[] f = new StackTraceElement[n];
        for (int i = 0; i < n; i++) {
            String cls = i == loaderAt ? "jdk.internal.loader.URLClassPath$FileLoader" : "com.example.App";
            f[i] = new StackTraceElement(cls, "m", "App.java", i);
        }
        return f;
    }

    @Test
    void thePlatformIsTakenFromTheSeparator() {
        assertEquals(File.separatorChar == '\\' ? "windows" : "unix", FileSink.FS);
    }

    @Test
    void theJvmsOwnReadsAreSkipped() {
        assertTrue(FileSink.jvmOwnRead("/app/lib/h2.jar"));
        assertTrue(FileSink.jvmOwnRead("/app/classes/A.class"));
        assertTrue(FileSink.jvmOwnRead(System.getProperty("java.home") + "/conf/security/java.security"));
        assertFalse(FileSink.jvmOwnRead("/etc/passwd"));
        assertNull(FileModes.ofSecond("exists"));
    }
}

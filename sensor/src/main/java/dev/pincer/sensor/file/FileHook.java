package dev.pincer.sensor.file;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.pincer.sensor.internal.Hook;
import dev.pincer.sensor.internal.Hooks;
import java.io.File;
import java.nio.charset.Charset;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Every JDK entry point that touches the file system by a path the app supplies:
 * <ul>
 *   <li>the stream constructors every {@code java.io} open goes through ({@code FileInputStream(File)},
 *       {@code FileOutputStream(File, boolean)}, {@code RandomAccessFile(File, String)}; the
 *       {@code String} overloads, {@code FileReader}, {@code FileWriter}, {@code PrintWriter(String/File)},
 *       {@code PrintStream(String/File)} and {@code Scanner(File)} delegate to them), and
 *       {@code ZipFile(File, int, Charset)} ({@code JarFile} and the other overloads reach it);</li>
 *   <li>{@code java.io.File}'s own methods that stat, delete, list, create or change a file
 *       ({@link #FILE_METHODS}), {@code renameTo}, and {@code createTempFile} with a directory;</li>
 *   <li>the {@code FileSystemProvider} methods that take a {@code Path} ({@link #PROVIDER_METHODS}):
 *       every {@code java.nio.file.Files} call ends in one of them ({@code readAllBytes},
 *       {@code lines}, {@code write}, {@code copy}, {@code exists}, {@code size}, {@code list}, ...,
 *       and {@code Scanner(Path)});</li>
 *   <li>{@code Files.walk/find/walkFileTree}, reported once as a listing of the start.</li>
 * </ul>
 * All of these classes are loaded before premain: they are retransformed. The mode of each call is
 * worked out from the method's name ({@link FileModes}) only when it may need a verdict.
 */
public final class FileHook implements Hook {
    /** {@code java.io.File} instance methods checked with the file's own path. */
    static final String[] FILE_METHODS = {
        "exists", "isFile", "isDirectory", "isHidden", "length", "lastModified", "canRead", "canWrite",
        "canExecute", "getTotalSpace", "getFreeSpace", "getUsableSpace",
        "delete", "deleteOnExit", "mkdir", "mkdirs", "createNewFile", "list", "listFiles",
        "setReadable", "setWritable", "setExecutable", "setReadOnly", "setLastModified",
    };

    /** {@code FileSystemProvider} methods taking a {@code Path} first (some exist only on newer JDKs). */
    static final String[] PROVIDER_METHODS = {
        "newByteChannel", "newFileChannel", "newAsynchronousFileChannel", "newInputStream", "newOutputStream",
        "newDirectoryStream", "newFileSystem", "createDirectory", "createSymbolicLink", "createLink", "delete",
        "deleteIfExists", "copy", "move", "isSameFile", "isHidden", "getFileStore", "checkAccess",
        "getFileAttributeView", "readAttributes", "readAttributesIfExists", "setAttribute", "readSymbolicLink",
        "exists", "isDirectory", "isRegularFile", "isReadable", "isWritable", "isExecutable",
    };

    @Override
    public String name() {
        return "file";
    }

    @Override
    public AgentBuilder install(AgentBuilder builder, Hooks hooks) {
        ElementMatcher.Junction<MethodDescription> provider = namedOneOf(PROVIDER_METHODS)
                .and(takesArgument(0, named("java.nio.file.Path"))).and(not(isAbstract())).and(not(isStatic()));
        return builder
                .type(named("java.io.FileInputStream"))
                .transform(hooks.advice().advice(isConstructor().and(takesArguments(File.class)),
                        FileInputAdvice.class.getName()))
                .type(named("java.io.FileOutputStream"))
                .transform(hooks.advice().advice(isConstructor().and(takesArguments(File.class, boolean.class)),
                        FileOutputAdvice.class.getName()))
                .type(named("java.io.RandomAccessFile"))
                .transform(hooks.advice().advice(isConstructor().and(takesArguments(File.class, String.class)),
                        RandomAccessFileAdvice.class.getName()))
                .type(named("java.util.zip.ZipFile"))
                .transform(hooks.advice().advice(isConstructor()
                        .and(takesArguments(File.class, int.class, Charset.class)), ZipFileAdvice.class.getName()))
                .type(named("java.io.File"))
                .transform(hooks.advice().advice(namedOneOf(FILE_METHODS).and(not(isStatic())),
                        FileMethodAdvice.class.getName())
                        .advice(named("renameTo").and(takesArguments(File.class)), FileRenameAdvice.class.getName())
                        .advice(named("createTempFile").and(takesArguments(String.class, String.class, File.class)),
                                TempFileAdvice.class.getName()))
                .type(named("java.nio.file.Files"))
                .transform(hooks.advice().advice(namedOneOf("walk", "find", "walkFileTree")
                        .and(takesArgument(0, named("java.nio.file.Path"))), PathArgumentAdvice.class.getName()))
                .type(Hooks.implementing("java.nio.file.spi.FileSystemProvider"))
                .transform(hooks.advice()
                        .advice(provider.and(takesArguments(1)), PathArgumentAdvice.class.getName())
                        .advice(provider.and(not(takesArguments(1))), ProviderAdvice.class.getName()));
    }
}

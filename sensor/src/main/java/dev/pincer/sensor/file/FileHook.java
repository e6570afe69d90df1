package dev.pincer.sensor.file;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.pincer.sensor.internal.Hook;
import dev.pincer.sensor.internal.Hooks;
import java.io.File;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * File access: the stream constructors every {@code java.io} open goes through
 * ({@code FileInputStream(File)}, {@code FileOutputStream(File, boolean)},
 * {@code RandomAccessFile(File, String)}; the {@code String} overloads delegate to them), and the
 * {@code FileSystemProvider} methods every {@code java.nio.file.Files} open goes through
 * ({@code readAllBytes}, {@code readString}, {@code lines}, {@code newBufferedReader},
 * {@code write}, ...). All of these classes are loaded before premain: they are retransformed.
 */
public final class FileHook implements Hook {
    @Override
    public String name() {
        return "file";
    }

    @Override
    public AgentBuilder install(AgentBuilder builder, Hooks hooks) {
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
                .type(Hooks.implementing("java.nio.file.spi.FileSystemProvider"))
                .transform(hooks.advice().advice(
                        namedOneOf("newByteChannel", "newFileChannel", "newAsynchronousFileChannel", "newInputStream",
                                "newOutputStream")
                                .and(takesArgument(0, named("java.nio.file.Path"))).and(not(isAbstract())),
                        ProviderAdvice.class.getName()));
    }
}

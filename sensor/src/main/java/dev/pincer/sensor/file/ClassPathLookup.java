package dev.pincer.sensor.file;

/**
 * Whether the current file call is a class loader looking for a resource on its class path: the
 * JDK's {@code URLClassPath} (the application and extension loaders, {@code URLClassLoader}) or
 * Tomcat's web-app loader, stating and reading {@code META-INF/services/...} or a
 * {@code .properties} file for a {@code ServiceLoader} or a {@code ResourceBundle} that happens
 * to run during a request. Both refuse a resource name that climbs out of their roots before they
 * touch the disk (the JDK compares the resolved URL with its base; Tomcat normalizes and rejects
 * an escaping path), so such a lookup is not a traversal whatever the name, and reporting it
 * would only cost the request a round trip. Looked up only on the slow path (the call may need a
 * verdict), from the innermost {@value #MAX_FRAMES} frames.
 *
 * <p>Example: {@code ServiceLoader.load(XPathFactory.class)} iterated during a request stats
 * {@code <classes>/META-INF/services/javax.xml.xpath.XPathFactory} from {@code URLClassPath$FileLoader}:
 * skipped.
 */
final class ClassPathLookup {
    /** How deep to look: a loader's lookup sits a few frames above the file call. */
    static final int MAX_FRAMES = 40;

    private ClassPathLookup() {
    }

    static boolean inProgress() {
        return inProgress(new Throwable().getStackTrace());
    }

    /** A loader frame among the innermost {@value #MAX_FRAMES} of {@code frames}. */
    static boolean inProgress(StackTraceElement[] frames) {
        int n = Math.min(frames.length, MAX_FRAMES);
        for (int i = 0; i < n; i++) {
            if (isLoader(frames[i].getClassName())) {
                return true;
            }
        }
        return false;
    }

    static boolean isLoader(String className) {
        return className.startsWith("jdk.internal.loader.URLClassPath")
                || className.startsWith("sun.misc.URLClassPath")
                || className.startsWith("org.apache.catalina.loader.WebappClassLoaderBase");
    }
}

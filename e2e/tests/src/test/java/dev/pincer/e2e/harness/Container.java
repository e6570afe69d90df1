package dev.pincer.e2e.harness;

import java.nio.file.Path;

/** The two packagings of the demo app: the same classes on jakarta.servlet and on javax.servlet. */
public enum Container {
    TOMCAT10("Tomcat 10.1 (jakarta)", "e2e/demo-tomcat10/target/pincer-demo-tomcat10.jar"),
    TOMCAT9("Tomcat 9 (javax)", "e2e/demo-tomcat9/target/pincer-demo-tomcat9.jar");

    private final String label;
    private final String jar;

    Container(String label, String jar) {
        this.label = label;
        this.jar = jar;
    }

    public Path jar() {
        return Repo.root().resolve(jar);
    }

    @Override
    public String toString() {
        return label;
    }
}

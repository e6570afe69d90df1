package dev.pincer.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Hashtable;
import java.util.TreeSet;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;

/**
 * LDAP search through JNDI against the in-memory directory. {@code /vuln/ldap?user=} searches
 * {@code (&(objectClass=person)(uid=<user>))} with the input pasted in; {@code /safe/ldap?user=}
 * escapes it per RFC 4515 section 3 first. Answers {@code entries=N} then the uids found.
 */
final class LdapServlet extends DemoServlet {
    private static final long serialVersionUID = 1L;
    private final transient Fixtures fx;

    LdapServlet(Fixtures fx) {
        this.fx = fx;
    }

    @Override
    void handle(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String user = input(req, "user");
        if (user == null) {
            missing(resp, "user");
            return;
        }
        String value = path.startsWith("/safe/") ? escape(user) : user;
        String filter = "(&(objectClass=person)(uid=" + value + "))";
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, fx.ldapUrl());
        env.put(Context.SECURITY_AUTHENTICATION, "none");
        env.put("com.sun.jndi.ldap.connect.timeout", "2000");
        env.put("com.sun.jndi.ldap.read.timeout", "2000");
        try {
            DirContext ctx = new InitialDirContext(env);
            try {
                SearchControls sc = new SearchControls();
                sc.setSearchScope(SearchControls.SUBTREE_SCOPE);
                sc.setReturningAttributes(new String[] {"uid"});
                sc.setCountLimit(100);
                TreeSet<String> uids = new TreeSet<>();
                NamingEnumeration<SearchResult> results = ctx.search(Fixtures.LDAP_BASE, filter, sc);
                while (results.hasMore()) {
                    Attribute uid = results.next().getAttributes().get("uid");
                    uids.add(uid == null ? "?" : String.valueOf(uid.get()));
                }
                text(resp, "entries=" + uids.size() + "\n" + String.join("\n", uids));
            } finally {
                ctx.close();
            }
        } catch (NamingException | IllegalArgumentException e) {
            text(resp, "ldap error: " + brief(e));
        }
    }

    /** RFC 4515 section 3: {@code * ( ) \ NUL} as {@code \2a \28 \29 \5c \00}. */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '*' -> sb.append("\\2a");
                case '(' -> sb.append("\\28");
                case ')' -> sb.append("\\29");
                case '\\' -> sb.append("\\5c");
                case '\0' -> sb.append("\\00");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

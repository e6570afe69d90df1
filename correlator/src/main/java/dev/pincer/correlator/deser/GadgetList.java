package dev.pincer.correlator.deser;

import java.util.List;

/**
 * Classes that appear in known Java deserialization gadget chains (the ysoserial payload set and
 * its common relatives) and that applications have no reason to deserialize. An entry ending in
 * {@code .} is a package prefix; any other entry matches that class and its nested classes
 * ({@code Name$Inner}). Kept to classes that mark a chain, not the JDK collections chains pass
 * through ({@code HashMap}, {@code PriorityQueue}) nor classes apps serialize legitimately
 * ({@code org.hibernate.engine.spi.TypedValue} and {@code org.hibernate.type.ComponentType} are in
 * Hibernate's query-cache keys, Vaadin's {@code PropertysetItem} in its serialized sessions: those
 * chains are caught at their tuplizer, getter or {@code BadAttributeValueExpException} classes
 * instead, so a stream naming only {@code TypedValue} and {@code ComponentType} is not a finding).
 *
 * <p>Example: {@code matches("org.apache.commons.collections.functors.InvokerTransformer")} and
 * {@code matches("org.springframework.core.SerializableTypeWrapper$MethodInvokeTypeProvider")} are
 * true; {@code matches("java.util.ArrayList")} is false.
 */
final class GadgetList {
    static final List<String> ENTRIES = List.of(
            // Commons Collections 3 and 4 (CommonsCollections1-7)
            "org.apache.commons.collections.functors.",
            "org.apache.commons.collections4.functors.",
            "org.apache.commons.collections.keyvalue.TiedMapEntry",
            "org.apache.commons.collections4.keyvalue.TiedMapEntry",
            "org.apache.commons.collections4.comparators.TransformingComparator",
            "org.apache.commons.collections.comparators.TransformingComparator",
            // Commons BeanUtils (CommonsBeanutils1)
            "org.apache.commons.beanutils.BeanComparator",
            // Spring (Spring1, Spring2)
            "org.springframework.beans.factory.ObjectFactory",
            "org.springframework.core.SerializableTypeWrapper",
            "org.springframework.beans.factory.support.AutowireUtils$ObjectFactoryDelegatingInvocationHandler",
            "org.springframework.aop.framework.JdkDynamicAopProxy",
            "org.springframework.transaction.jta.JtaTransactionManager",
            // Translets: TemplatesImpl runs attacker bytecode
            "com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl",
            "org.apache.xalan.xsltc.trax.TemplatesImpl",
            "com.sun.org.apache.xalan.internal.xsltc.runtime.AbstractTranslet",
            "com.sun.org.apache.bcel.internal.util.ClassLoader",
            // JDK entry points
            "javax.management.BadAttributeValueExpException",
            "sun.reflect.annotation.AnnotationInvocationHandler",
            "com.sun.rowset.JdbcRowSetImpl",
            "com.sun.jndi.ldap.LdapAttribute",
            // Groovy (Groovy1)
            "org.codehaus.groovy.runtime.",
            // c3p0 (C3P0), Hibernate (Hibernate1, Hibernate2)
            "com.mchange.v2.c3p0.",
            "org.hibernate.tuple.component.AbstractComponentTuplizer",
            "org.hibernate.tuple.component.PojoComponentTuplizer",
            "org.hibernate.tuple.component.DynamicMapComponentTuplizer",
            "org.hibernate.tuple.component.Dom4jComponentTuplizer",
            "org.hibernate.property.access.spi.GetterMethodImpl",
            "org.hibernate.property.BasicPropertyAccessor$BasicGetter",
            // AspectJ weaver (AspectJWeaver: a HashMap subclass that writes files on put)
            "org.aspectj.weaver.tools.cache.SimpleCache$StoreableCachingMap",
            // Others from the ysoserial set
            "bsh.XThis", "bsh.Interpreter",
            "org.mozilla.javascript.NativeJavaObject", "org.mozilla.javascript.tools.shell.Environment",
            "org.mozilla.javascript.MemberBox",
            "clojure.core$comp", "clojure.main$eval_opt", "clojure.inspector.proxy$javax.swing.table.AbstractTableModel$ff19274a",
            "com.sun.syndication.feed.impl.ObjectBean", "com.sun.syndication.feed.impl.ToStringBean",
            "com.rometools.rome.feed.impl.ObjectBean", "com.rometools.rome.feed.impl.ToStringBean",
            "org.apache.myfaces.view.facelets.el.ValueExpressionMethodExpression",
            "org.apache.commons.fileupload.disk.DiskFileItem",
            "org.apache.wicket.util.upload.DiskFileItem",
            "org.python.core.PyFunction", "org.python.core.PyMethod",
            "org.jboss.interceptor.proxy.InterceptorMethodHandler",
            "org.jboss.weld.interceptor.proxy.InterceptorMethodHandler",
            "net.sf.json.JSONObject",
            "org.apache.click.control.Column$ColumnComparator",
            "org.apache.xbean.naming.context.ContextUtil$ReadOnlyBinding",
            "com.fasterxml.jackson.databind.node.POJONode");

    private GadgetList() {
    }

    /** The entry {@code className} (a binary name, already normalised) falls under, or null. */
    static String match(String className) {
        for (String e : ENTRIES) {
            if (e.endsWith(".") ? className.startsWith(e)
                    : className.equals(e) || className.startsWith(e) && className.charAt(e.length()) == '$') {
                return e;
            }
        }
        return null;
    }
}

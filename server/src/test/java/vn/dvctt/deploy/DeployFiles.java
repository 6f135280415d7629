package vn.dvctt.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What the files in deploy/ are checked against: the server's own properties (application.properties,
 * the production profile, the names its code reads, Spring Boot's configuration metadata), so an
 * environment variable in compose or Kubernetes that the server would silently ignore fails a test.
 */
final class DeployFiles {

    static final Path DEPLOY = Path.of("../deploy");
    static final Path REPO = Path.of("..");
    /** Variables the JVM or the image reads, not Spring. */
    static final Set<String> NOT_SPRING = Set.of("JAVA_TOOL_OPTIONS", "TZ");

    private static Set<String> known;

    private DeployFiles() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (Map<String, Object>) new Yaml(new LoaderOptions()).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml(new LoaderOptions()).loadAll(in)) {
                if (doc != null) {
                    docs.add((Map<String, Object>) doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String... path) {
        Object at = o;
        for (String key : path) {
            assertThat(at).as("%s in %s", key, String.join(".", path)).isInstanceOf(Map.class);
            at = ((Map<String, Object>) at).get(key);
        }
        assertThat(at).as(String.join(".", path)).isInstanceOf(Map.class);
        return (Map<String, Object>) at;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o, String... path) {
        Object at = o;
        for (String key : path) {
            at = ((Map<String, Object>) at).get(key);
        }
        assertThat(at).as(String.join(".", path)).isInstanceOf(List.class);
        return (List<Object>) at;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's environment as it would be with these variables set: its properties files below them. */
    static ConfigurableEnvironment serverEnvironment(Map<String, String> variables, String... profiles) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
        for (String profile : profiles) {
            env.getPropertySources().addLast(new PropertiesPropertySource(profile, properties("application-" + profile + ".properties")));
        }
        env.getPropertySources().addLast(new PropertiesPropertySource("application", properties("application.properties")));
        ConfigurationPropertySources.attach(env);
        return env;
    }

    static Properties properties(String resource) {
        Properties p = new Properties();
        try (InputStream in = DeployFiles.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Fails unless the server (or the JVM) reads a variable of this name. */
    static void assertReadByServer(String variable, String where) {
        if (NOT_SPRING.contains(variable)) {
            return;
        }
        String placeholder = "${" + variable + ":";
        boolean asPlaceholder = Stream.of("application.properties", "application-production.properties")
                .map(r -> read(Path.of("src/main/resources", r))).anyMatch(s -> s.contains(placeholder) || s.contains("${" + variable + "}"));
        boolean asProperty = knownProperties().stream().anyMatch(p -> envForms(p).contains(variable));
        assertThat(asPlaceholder || asProperty)
                .as("%s in %s is read by the server (a placeholder in its properties or a property it binds)", variable, where)
                .isTrue();
    }

    /** The variable names Spring Boot maps to this property. */
    static Set<String> envForms(String property) {
        String upper = property.toUpperCase();
        return new java.util.HashSet<>(List.of(upper.replace('.', '_').replace('-', '_'), upper.replace('.', '_').replace("-", "")));
    }

    static synchronized Set<String> knownProperties() {
        if (known != null) {
            return known;
        }
        Set<String> names = new TreeSet<>();
        for (String r : List.of("application.properties", "application-production.properties")) {
            properties(r).stringPropertyNames().forEach(names::add);
        }
        // what the code reads with @Value
        Pattern value = Pattern.compile("\\$\\{(dvctt\\.[a-z0-9.-]+)");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                Matcher m = value.matcher(read(f));
                while (m.find()) {
                    names.add(m.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // what it binds with @ConfigurationProperties records
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition bd : scanner.findCandidateComponents("vn.dvctt")) {
            try {
                Class<?> type = Class.forName(bd.getBeanClassName());
                ConfigurationProperties cp = type.getAnnotation(ConfigurationProperties.class);
                addComponents(names, cp.value().isEmpty() ? cp.prefix() : cp.value(), type);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        // Spring Boot's own properties, from its configuration metadata
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL url : Collections.list(DeployFiles.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    JsonNode props = json.readTree(in).path("properties");
                    props.forEach(p -> names.add(p.path("name").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        known = names;
        return known;
    }

    private static void addComponents(Set<String> names, String prefix, Class<?> type) {
        if (!type.isRecord()) {
            names.add(prefix);
            return;
        }
        for (var c : type.getRecordComponents()) {
            String name = prefix + "." + c.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            if (c.getType().isRecord()) {
                addComponents(names, name, c.getType());
            } else {
                names.add(name);
            }
        }
    }

    /** Compose's ${VAR}, ${VAR:-default}, ${VAR:?error} against deploy/.env.example. */
    static String interpolate(String value, Map<String, String> dotEnv) {
        Matcher m = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-?])([^}]*))?}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = dotEnv.get(m.group(1));
            if (v == null || v.isEmpty()) {
                assertThat(m.group(2)).as("%s is required by compose but not in .env.example", m.group(1)).isEqualTo("-");
                v = m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Map<String, String> dotEnv(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        read(file).lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> {
            int eq = l.indexOf('=');
            out.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
        });
        return out;
    }
}

package io.eventscope.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventscope.engine.domain.Engine;
import io.eventscope.engine.whatif.ShopHistory;
import io.eventscope.shop.Shop;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests Export as test writes are compiled with javax.tools against the shop as built and
 * run: they pass as generated, and fail once the decider behaves otherwise (a copy of the order
 * package whose decider ships unpaid orders, loaded in place of the real one).
 */
class GeneratedJUnitTest {
    private static final Path ORDER_SOURCES = Path.of("src/main/java/io/eventscope/shop/order");

    @TempDir
    static Path dir;
    private static JUnitTestWriter.GeneratedTest rejectedShip;
    private static JUnitTestWriter.GeneratedTest acceptedShip;
    private static JUnitTestWriter.GeneratedTest acceptedPay;

    @BeforeAll
    static void journalSomeCommands() {
        try (Engine engine = ShopHistory.open("memory")) {
            ShopHistory shop = new ShopHistory(engine);
            shop.accepted("CreateOrder", """
                    {"orderId": "o1", "userId": "alice", "items": [{"sku": "a\\"b", "quantity": 2, "unitPrice": 12.25}]}""");
            String shipTooEarly = shop.run("ShipOrder", """
                    {"orderId": "o1", "trackingNumber": "T-1"}""").commandId();
            String pay = shop.run("PayOrder", """
                    {"orderId": "o1", "amount": 24.50}""").commandId();
            String ship = shop.run("ShipOrder", """
                    {"orderId": "o1", "trackingNumber": "T-2"}""").commandId();
            JUnitTestWriter writer = new JUnitTestWriter(engine.store(), engine.journal(), Shop.aggregateTypes());
            rejectedShip = writer.write(shipTooEarly);
            acceptedPay = writer.write(pay);
            acceptedShip = writer.write(ship);
        }
    }

    @Test
    void a_generated_test_reads_as_given_when_then() {
        assertThat(rejectedShip.source())
                .contains("package io.eventscope.shop.order;")
                .contains("DeciderScenario.of(Order.type())")
                .contains(".given(\"OrderCreated\"")
                .contains(".when(\"ShipOrder\"")
                .contains(".thenRejected(\"Order o1 is not paid yet; only a paid order ships.\")");
        assertThat(acceptedShip.source()).contains(".given(\"OrderPaid\"").contains("event(\"OrderShipped\"");
    }

    @Test
    void generated_tests_compile_against_the_shop_and_pass_as_generated() throws Exception {
        Path out = dir.resolve("as-generated");
        compile(out, List.of(write(out, rejectedShip), write(out, acceptedPay), write(out, acceptedShip)));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
            for (JUnitTestWriter.GeneratedTest test : List.of(rejectedShip, acceptedPay, acceptedShip)) {
                runTests(loader.loadClass(test.qualifiedName()));
            }
        }
    }

    @Test
    void a_generated_test_fails_when_the_decider_is_changed_to_ship_unpaid_orders() throws Exception {
        Path out = dir.resolve("changed-decider");
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(ORDER_SOURCES)) {
            for (Path source : files.toList()) {
                String text = Files.readString(source);
                if (source.getFileName().toString().equals("Order.java")) {
                    String unpaidCheck = "if (state.status() == OrderStatus.PENDING) {";
                    assertThat(text).contains(unpaidCheck);
                    text = text.replace(unpaidCheck, "if (false) {");
                }
                Path copy = out.resolve("src").resolve(source.getFileName());
                Files.createDirectories(copy.getParent());
                sources.add(Files.writeString(copy, text));
            }
        }
        sources.add(write(out, rejectedShip));
        compile(out, sources);
        try (URLClassLoader loader = new OrderPackageFirst(out, getClass().getClassLoader())) {
            Class<?> test = loader.loadClass(rejectedShip.qualifiedName());
            assertThatThrownBy(() -> runTests(test)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected the rejection \"Order o1 is not paid yet; only a paid order ships.\"")
                    .hasMessageContaining("but the command was accepted");
        }
    }

    private static Path write(Path out, JUnitTestWriter.GeneratedTest test) throws IOException {
        Path file = out.resolve("src").resolve(test.className() + ".java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, test.source(), StandardCharsets.UTF_8);
    }

    private static void compile(Path out, List<Path> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-encoding", "UTF-8",
                "-classpath", System.getProperty("java.class.path"), "-proc:none"));
        sources.forEach(s -> args.add(s.toString()));
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int exit = javac.run(null, null, errors, args.toArray(String[]::new));
        assertThat(exit).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** Runs every @Test method of a generated class, as JUnit would, letting a failed expectation through. */
    private static void runTests(Class<?> test) throws Exception {
        var constructor = test.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object instance = constructor.newInstance();
        int ran = 0;
        for (Method m : test.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Test.class)) {
                m.setAccessible(true);
                try {
                    m.invoke(instance);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e;
                }
                ran++;
            }
        }
        assertThat(ran).as("test methods in " + test.getName()).isEqualTo(1);
    }

    /** Loads the order package (the changed decider with its state and events) from the given folder first. */
    private static final class OrderPackageFirst extends URLClassLoader {
        OrderPackageFirst(Path classes, ClassLoader parent) throws IOException {
            super(new URL[] {classes.toUri().toURL()}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!name.startsWith("io.eventscope.shop.order.")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }
}

package io.eventscope.shop.saga;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventscope.engine.bus.Backoff;
import io.eventscope.engine.event.Json;
import io.eventscope.engine.saga.ServiceFaults;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scenario files: every key is optional (missing ones keep {@link Scenario#DEFAULT}'s value),
 * and anything else is refused, naming the file, the field and what is wrong, before a
 * simulation writes anything.
 */
public final class ScenarioJson {
    private final String source;

    private ScenarioJson(String source) {
        this.source = source;
    }

    public static Scenario read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Reads a scenario from text; {@code source} names it in errors. */
    public static Scenario parse(String text, String source) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source + ": not JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ")");
        }
        return new ScenarioJson(source).scenario(root);
    }

    public static String write(Scenario s) {
        ObjectNode root = Json.object();
        root.put("name", s.name());
        root.put("start", s.start().toString());
        root.put("arrivalIntervalMs", s.arrivalInterval().toMillis());
        root.put("stepTimeoutMs", s.stepTimeout().toMillis());
        ObjectNode retry = root.putObject("compensationRetry");
        retry.put("maxAttempts", s.compensationRetry().maxAttempts());
        retry.put("initialDelayMs", s.compensationRetry().initialDelay().toMillis());
        retry.put("multiplier", s.compensationRetry().multiplier());
        retry.put("maxDelayMs", s.compensationRetry().maxDelay().toMillis());
        ObjectNode catalog = root.putObject("catalog");
        s.catalog().forEach((sku, p) -> catalog.putObject(sku).put("price", p.price()).put("stock", p.stock()));
        root.putObject("customers").put("count", s.customers()).put("balance", s.customerBalance());
        root.put("maxItemsPerOrder", s.maxItemsPerOrder());
        ObjectNode services = root.putObject("services");
        s.services().forEach((name, f) -> {
            ObjectNode service = services.putObject(name);
            service.put("failureProbability", f.failureProbability());
            ArrayNode calls = service.putArray("failOnCalls");
            new TreeSet<>(f.failOnCalls()).forEach(calls::add);
            service.putObject("latencyMs").put("min", f.minLatencyMs()).put("max", f.maxLatencyMs());
            service.put("timeoutProbability", f.timeoutProbability());
            service.put("compensationFailureProbability", f.compensationFailureProbability());
        });
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario always writes as JSON", e);
        }
    }

    private Scenario scenario(JsonNode root) {
        Scenario d = Scenario.DEFAULT;
        object(root, "", "name", "start", "arrivalIntervalMs", "stepTimeoutMs", "compensationRetry", "catalog",
                "customers", "maxItemsPerOrder", "services");
        String name = root.has("name") ? text(root.get("name"), "name") : d.name();
        Instant start = root.has("start") ? instant(root.get("start"), "start") : d.start();
        Duration arrival = root.has("arrivalIntervalMs")
                ? Duration.ofMillis(whole(root.get("arrivalIntervalMs"), "arrivalIntervalMs", 0)) : d.arrivalInterval();
        Duration timeout = root.has("stepTimeoutMs")
                ? Duration.ofMillis(whole(root.get("stepTimeoutMs"), "stepTimeoutMs", 1)) : d.stepTimeout();
        Backoff retry = root.has("compensationRetry") ? retry(root.get("compensationRetry")) : d.compensationRetry();
        Map<String, Product> catalog = root.has("catalog") ? catalog(root.get("catalog")) : d.catalog();
        int customers = d.customers();
        BigDecimal balance = d.customerBalance();
        if (root.has("customers")) {
            JsonNode c = root.get("customers");
            object(c, "customers", "count", "balance");
            customers = c.has("count") ? (int) whole(c.get("count"), "customers.count", 1) : customers;
            balance = c.has("balance") ? money(c.get("balance"), "customers.balance") : balance;
        }
        int maxItems = root.has("maxItemsPerOrder")
                ? (int) whole(root.get("maxItemsPerOrder"), "maxItemsPerOrder", 1) : d.maxItemsPerOrder();
        if (maxItems > catalog.size()) {
            throw problem("maxItemsPerOrder", "is " + maxItems + " but the catalog has only " + catalog.size() + " SKUs");
        }
        Map<String, ServiceFaults> services = new LinkedHashMap<>(d.services());
        if (root.has("services")) {
            JsonNode s = root.get("services");
            object(s, "services", Scenario.SERVICES);
            s.fields().forEachRemaining(f -> services.put(f.getKey(), faults(f.getValue(), "services." + f.getKey())));
        }
        return new Scenario(name, start, arrival, timeout, retry, catalog, customers, balance, maxItems, services);
    }

    private Backoff retry(JsonNode r) {
        String at = "compensationRetry";
        object(r, at, "maxAttempts", "initialDelayMs", "multiplier", "maxDelayMs");
        Backoff d = Scenario.DEFAULT.compensationRetry();
        int attempts = r.has("maxAttempts") ? (int) whole(r.get("maxAttempts"), at + ".maxAttempts", 1) : d.maxAttempts();
        long initial = r.has("initialDelayMs") ? whole(r.get("initialDelayMs"), at + ".initialDelayMs", 0)
                : d.initialDelay().toMillis();
        double multiplier = r.has("multiplier") ? number(r.get("multiplier"), at + ".multiplier") : d.multiplier();
        if (multiplier < 1) {
            throw problem(at + ".multiplier", "must be at least 1, was " + multiplier);
        }
        long max = r.has("maxDelayMs") ? whole(r.get("maxDelayMs"), at + ".maxDelayMs", 0) : Math.max(initial, d.maxDelay().toMillis());
        if (max < initial) {
            throw problem(at + ".maxDelayMs", "must be at least initialDelayMs (" + initial + "), was " + max);
        }
        return new Backoff(attempts, Duration.ofMillis(initial), multiplier, Duration.ofMillis(max));
    }

    private Map<String, Product> catalog(JsonNode c) {
        if (!c.isObject() || c.isEmpty()) {
            throw problem("catalog", "must be an object with at least one SKU, was " + c);
        }
        Map<String, Product> products = new LinkedHashMap<>();
        c.fields().forEachRemaining(f -> {
            String at = "catalog." + f.getKey();
            if (f.getKey().isBlank()) {
                throw problem("catalog", "has a SKU with an empty name");
            }
            object(f.getValue(), at, "price", "stock");
            if (!f.getValue().has("price")) {
                throw problem(at + ".price", "is missing");
            }
            BigDecimal price = money(f.getValue().get("price"), at + ".price");
            int stock = f.getValue().has("stock") ? (int) whole(f.getValue().get("stock"), at + ".stock", 0) : 0;
            products.put(f.getKey(), new Product(price, stock));
        });
        return products;
    }

    private ServiceFaults faults(JsonNode s, String at) {
        object(s, at, "failureProbability", "failOnCalls", "latencyMs", "timeoutProbability",
                "compensationFailureProbability");
        ServiceFaults d = ServiceFaults.NONE;
        double failure = s.has("failureProbability") ? probability(s.get("failureProbability"), at + ".failureProbability")
                : d.failureProbability();
        Set<Integer> calls = new HashSet<>();
        if (s.has("failOnCalls")) {
            JsonNode list = s.get("failOnCalls");
            if (!list.isArray()) {
                throw problem(at + ".failOnCalls", "must be a list of call numbers (1 is the first call), was " + list);
            }
            for (int i = 0; i < list.size(); i++) {
                calls.add((int) whole(list.get(i), at + ".failOnCalls[" + i + "]", 1));
            }
        }
        long min = d.minLatencyMs();
        long max = d.maxLatencyMs();
        if (s.has("latencyMs")) {
            JsonNode l = s.get("latencyMs");
            object(l, at + ".latencyMs", "min", "max");
            min = l.has("min") ? whole(l.get("min"), at + ".latencyMs.min", 0) : min;
            max = l.has("max") ? whole(l.get("max"), at + ".latencyMs.max", 0) : Math.max(min, max);
            if (max < min) {
                throw problem(at + ".latencyMs.max", "must be at least min (" + min + "), was " + max);
            }
        }
        double timeout = s.has("timeoutProbability") ? probability(s.get("timeoutProbability"), at + ".timeoutProbability")
                : d.timeoutProbability();
        double compensation = s.has("compensationFailureProbability")
                ? probability(s.get("compensationFailureProbability"), at + ".compensationFailureProbability")
                : d.compensationFailureProbability();
        return new ServiceFaults(failure, calls, min, max, timeout, compensation);
    }

    /** Refuses a non-object and any key not in {@code known}. */
    private void object(JsonNode node, String at, String... known) {
        if (!node.isObject()) {
            throw problem(at.isEmpty() ? "(top level)" : at, "must be a JSON object, was " + node.getNodeType().toString().toLowerCase());
        }
        List<String> keys = List.of(known);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!keys.contains(key)) {
                throw problem(at.isEmpty() ? key : at + "." + key, "is not a known key; known here: " + String.join(", ", keys));
            }
        }
    }

    private String text(JsonNode n, String at) {
        if (!n.isTextual() || n.asText().isBlank()) {
            throw problem(at, "must be a non-empty string, was " + n);
        }
        return n.asText();
    }

    private Instant instant(JsonNode n, String at) {
        try {
            return Instant.parse(text(n, at));
        } catch (DateTimeParseException e) {
            throw problem(at, "must be an ISO-8601 instant such as 2026-11-23T09:00:00Z, was " + n);
        }
    }

    private long whole(JsonNode n, String at, long min) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw problem(at, "must be a whole number, was " + n);
        }
        if (n.asLong() < min) {
            throw problem(at, (min == 0 ? "must not be negative" : "must be at least " + min) + ", was " + n.asLong());
        }
        return n.asLong();
    }

    private double number(JsonNode n, String at) {
        if (!n.isNumber()) {
            throw problem(at, "must be a number, was " + n);
        }
        return n.asDouble();
    }

    private double probability(JsonNode n, String at) {
        double p = number(n, at);
        if (p < 0 || p > 1) {
            throw problem(at, "is a probability and must be between 0 and 1, was " + n);
        }
        return p;
    }

    private BigDecimal money(JsonNode n, String at) {
        BigDecimal amount = BigDecimal.valueOf(number(n, at));
        if (amount.signum() < 0) {
            throw problem(at, "must not be negative, was " + n);
        }
        return amount.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    private ScenarioException problem(String field, String what) {
        return new ScenarioException(source + ": " + field + " " + what);
    }
}

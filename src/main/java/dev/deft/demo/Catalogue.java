package dev.deft.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The demo shop's products, read from {@code demo/shop/products.tsv}: the server prices orders from it. */
record Catalogue(List<Product> products) {

    record Product(String id, String title, BigDecimal price, String category, String description) {
    }

    static Catalogue load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream("demo/shop/products.tsv")) {
            if (in == null) {
                throw new IllegalStateException("demo/shop/products.tsv is missing from the classpath");
            }
            List<Product> products = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                products.add(new Product(cells[0], cells[1], new BigDecimal(cells[2]), cells[3], cells[4]));
            }
            return new Catalogue(List.copyOf(products));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Product> find(String id) {
        return products.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}

package dev.deft.cli;

import dev.deft.core.DeftException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows file of {@code deft skills run --rows}: a header of parameter names, then one row of values per run, as
 * RFC 4180 has CSV (a quoted value may hold commas, doubled quotes and line breaks).
 */
final class CsvRows {
    private CsvRows() {
    }

    static List<Map<String, String>> read(Path file) {
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
            records = parser.getRecords().stream().filter(record -> !blank(record)).toList();
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (UncheckedIOException e) {
            throw unreadable(file, e.getCause());
        }
        if (records.size() < 2) {
            throw new DeftException.Configuration("The rows file " + file + " needs a header of parameter names "
                    + "and at least one row.");
        }
        List<String> header = records.get(0).toList().stream().map(String::strip).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            CSVRecord cells = records.get(i);
            if (cells.size() != header.size()) {
                throw new DeftException.Configuration(file + ": row " + i + " has " + cells.size() + " values for "
                        + header.size() + " columns.");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    /** A line of nothing but spaces, which a person does not see as a row. */
    private static boolean blank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private static DeftException.Configuration unreadable(Path file, IOException e) {
        return new DeftException.Configuration("Cannot read the rows file " + file + ": " + e.getMessage());
    }
}

package dev.capstan.ops.compose;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compose's cpus ("0.5") and memory ("512M", "1g", bytes) in ECS's units: cpu units (1024 a vCPU) and MiB, rounded up. */
final class Resources {
    private static final Pattern MEMORY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmg]?)i?b?");

    private Resources() {
    }

    static Integer cpuUnits(String service, JsonNode cpus) {
        if (cpus == null) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(cpus.asText().strip());
            if (v.signum() <= 0) {
                throw new NumberFormatException();
            }
            return v.multiply(BigDecimal.valueOf(1024)).setScale(0, RoundingMode.CEILING).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ComposeProblem("Service " + service + " asks for cpus '" + cpus.asText() + "'; write a number of CPUs, such as 0.5.");
        }
    }

    static Integer memoryMiB(String service, JsonNode memory) {
        if (memory == null) {
            return null;
        }
        Matcher m = MEMORY.matcher(memory.asText().strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ComposeProblem("Service " + service + " asks for memory '" + memory.asText() + "'; write it like 512M or 1G.");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        BigDecimal bytes = switch (m.group(2)) {
            case "k" -> amount.multiply(BigDecimal.valueOf(1024));
            case "m" -> amount.multiply(BigDecimal.valueOf(1024 * 1024));
            case "g" -> amount.multiply(BigDecimal.valueOf(1024L * 1024 * 1024));
            default -> amount;
        };
        int mib = bytes.divide(BigDecimal.valueOf(1024 * 1024), 0, RoundingMode.CEILING).intValue();
        if (mib <= 0) {
            throw new ComposeProblem("Service " + service + " asks for memory '" + memory.asText() + "', which is less than a MiB; write it like 512M.");
        }
        return mib;
    }
}

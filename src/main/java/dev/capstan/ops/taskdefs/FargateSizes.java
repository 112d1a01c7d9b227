package dev.capstan.ops.taskdefs;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The task sizes Fargate accepts: each cpu (in units, 1024 to a vCPU) with the memory sizes (MiB) allowed beside it. */
public final class FargateSizes {
    private static final TreeMap<Integer, int[]> MEMORY_FOR_CPU = new TreeMap<>(Map.of(
            256, new int[] {512, 1024, 2048},
            512, range(1024, 4096, 1024),
            1024, range(2048, 8192, 1024),
            2048, range(4096, 16384, 1024),
            4096, range(8192, 30720, 1024),
            8192, range(16384, 61440, 4096),
            16384, range(32768, 122880, 8192)));

    /** A cpu and memory pair Fargate takes. */
    public record Size(int cpu, int memory) {
    }

    private FargateSizes() {
    }

    private static int[] range(int from, int to, int step) {
        int[] values = new int[(to - from) / step + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i * step;
        }
        return values;
    }

    /** The memory sizes allowed with this cpu; empty when the cpu is not a Fargate size. */
    static Optional<int[]> memoryFor(int cpu) {
        return Optional.ofNullable(MEMORY_FOR_CPU.get(cpu));
    }

    static String cpuSizes() {
        return String.join(", ", MEMORY_FOR_CPU.keySet().stream().map(String::valueOf).toList());
    }

    /**
     * The smallest Fargate size with at least this cpu and this memory: the lowest cpu that allows that much memory,
     * then the least memory at or above it. Empty when the task needs more than the largest size.
     */
    public static Optional<Size> smallestFitting(int cpu, int memory) {
        for (Map.Entry<Integer, int[]> entry : MEMORY_FOR_CPU.tailMap(Math.max(cpu, 0), true).entrySet()) {
            for (int m : entry.getValue()) {
                if (m >= memory) {
                    return Optional.of(new Size(entry.getKey(), m));
                }
            }
        }
        return Optional.empty();
    }
}

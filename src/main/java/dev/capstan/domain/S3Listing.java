package dev.capstan.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything under one S3 location, by key relative to it. */
public record S3Listing(S3Uri uri, List<S3ObjectInfo> objects) {
    public S3Listing {
        objects = List.copyOf(objects);
    }

    public long totalBytes() {
        return objects.stream().mapToLong(S3ObjectInfo::size).sum();
    }

    public Optional<Instant> lastModified() {
        return objects.stream().map(S3ObjectInfo::lastModified).filter(t -> t != null).max(Instant::compareTo);
    }

    public Map<String, S3ObjectInfo> byKey() {
        Map<String, S3ObjectInfo> map = new LinkedHashMap<>();
        objects.forEach(o -> map.put(o.key(), o));
        return map;
    }

    public boolean isEmpty() {
        return objects.isEmpty();
    }
}

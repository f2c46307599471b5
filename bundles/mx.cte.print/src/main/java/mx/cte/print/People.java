package mx.cte.print;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Who wrote or answers for something, by the name the school knows them by; their login id if not on its staff. */
record People(Map<String, String> names) {

    People {
        names = Map.copyOf(names);
    }

    String name(String username) {
        return username == null ? "" : names.getOrDefault(username, username);
    }

    String names(List<String> usernames) {
        return usernames.stream().map(this::name).collect(Collectors.joining(", "));
    }
}

package mx.cte.catalogue.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks pack descriptors the way the catalogue reads them, for a pack's build: {@code PackDescriptorCheck pack.json}
 * prints each problem with its path and exits 1, so a pack the platform would refuse is never packaged.
 */
public final class PackDescriptorCheck {

    private PackDescriptorCheck() {
    }

    public static void main(String[] args) throws IOException {
        int refused = 0;
        for (String file : args) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                PackReader.Outcome outcome = PackReader.read(in);
                if (outcome.pack() == null) {
                    refused++;
                    outcome.problems().forEach(p -> System.err.println(file + ": " + p));
                } else {
                    System.out.println(file + ": paquete " + outcome.pack().key() + " " + outcome.pack().version()
                            + " válido, " + outcome.pack().entries().size() + " recursos");
                }
            }
        }
        if (refused > 0) {
            System.exit(1);
        }
    }
}

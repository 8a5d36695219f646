package dev.todo.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashMatchesItsPasswordOnly() {
        String stored = hasher.hash("correct horse battery");

        assertThat(hasher.matches("correct horse battery", stored)).isTrue();
        assertThat(hasher.matches("correct horse batterY", stored)).isFalse();
    }

    @Test
    void storedFormNamesAlgorithmAndAtLeast210000IterationsAndNeverThePassword() {
        String stored = hasher.hash("s3cret-password");

        String[] parts = stored.split("\\$");
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(210_000);
        assertThat(stored).doesNotContain("s3cret-password");
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void unknownOrDamagedStoredValuesNeverMatch() {
        assertThat(hasher.matches("x", null)).isFalse();
        assertThat(hasher.matches("x", "bcrypt$10$abc")).isFalse();
        assertThat(hasher.matches("x", "pbkdf2-sha256$1000$AAAA")).isFalse();
    }
}

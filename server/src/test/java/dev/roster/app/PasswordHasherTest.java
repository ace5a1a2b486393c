package dev.roster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.domain.DomainError;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = PasswordHasher.standard();

    @Test
    void argon2idPhcStringsVerifyOnlyTheirPassword() {
        String hash = hasher.hash("correct horse battery");
        assertThat(hash).matches("^\\$argon2id\\$v=19\\$m=9216,t=4,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$");
        assertThat(hasher.hash("correct horse battery")).isNotEqualTo(hash); // a fresh salt each time
        assertThat(hasher.verify("correct horse battery", hash)).isTrue();
        assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
        // parameters travel with the hash: a cheaper hasher still verifies it
        assertThat(new PasswordHasher(1024, 1, 1).verify("correct horse battery", hash)).isTrue();
    }

    @Test
    void hashesStoredWithEarlierParametersStillVerify() {
        String stored = new PasswordHasher(19 * 1024, 2, 1).hash("kept from before");
        assertThat(stored).contains("$m=19456,t=2,p=1$");
        assertThat(hasher.verify("kept from before", stored)).isTrue();
        assertThat(hasher.verify("kept from after", stored)).isFalse();
    }

    @Test
    void importedBcryptVerifiesAndUnknownEncodingsAreRefused() {
        String bcrypt = OpenBSDBCrypt.generate("imported".toCharArray(), new byte[16], 4);
        assertThat(PasswordHasher.requireImportable(bcrypt)).isEqualTo(bcrypt);
        assertThat(hasher.verify("imported", bcrypt)).isTrue();
        assertThat(hasher.verify("imported!", bcrypt)).isFalse();
        assertThatThrownBy(() -> PasswordHasher.requireImportable("{SSHA}abc"))
                .isInstanceOfSatisfying(DomainError.class, e -> assertThat(e.id()).isEqualTo("USER-oz74onzvqr"));
    }
}

package cn.yunying.registration.application;

/**
 * The outcome of entering a code. Not an exception: a wrong code must be counted, so the transaction commits.
 * {@code error} is null on success, otherwise the catalogue entry to show.
 */
public record VerificationResult(String status, int attemptsLeft, RegistrationError error) {

    public boolean verified() {
        return error == null;
    }
}

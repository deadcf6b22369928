package bryt.organisation;

/** A municipality, region or union office that runs its own picture in Bryt. */
public record Organisation(long id, String code, String name, Country country) {
}

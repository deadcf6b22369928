package bryt.organisation;

/** A municipality, region or union office that runs its own picture in Bryt. */
record Organisation(long id, String code, String name, Country country) {
}

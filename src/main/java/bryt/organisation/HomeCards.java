package bryt.organisation;

import java.time.LocalDate;
import java.util.List;

/**
 * A module's part of the home page ({@code /}): the figures and alerts an account acts
 * on, each linking to the page where it is acted on. The home page belongs to
 * organisation, but the figures come from the modules above it (workload, voice, and
 * later surveys, safety, the overview); each declares a bean of this type, and the home
 * page collects them all, so organisation never depends on a module above it.
 *
 * <p>
 * A contribution decides from {@link Visibility} (never from the roles) what the account
 * may see, reuses its module's own calculations, and returns nothing rather than an empty
 * card when it has nothing for the account.
 */
public interface HomeCards {

	/**
	 * The cards for one account.
	 * @param account the logged-in account
	 * @param visibility what the account may see of its organisation
	 * @param today the organisation's date today
	 */
	List<HomeCard> cards(CurrentAccount account, Visibility visibility, LocalDate today);

}

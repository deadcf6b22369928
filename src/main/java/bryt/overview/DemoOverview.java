package bryt.overview;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import bryt.organisation.CurrentAccount;
import bryt.organisation.DemoMunicipalityCreated;
import bryt.organisation.Organisation;
import bryt.organisation.Organisations;
import bryt.overview.Snapshot.Side;
import bryt.shared.time.Quarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The demo municipality's joint overview (issue 15 item 8): the eight quarters before the
 * demo's day frozen as snapshots, and the newest one commented and signed off by both
 * parties (the demo's HR account for the employer, its union representative for the
 * unions), so that the committee report has both comments and both dates.
 *
 * <p>
 * The snapshots are taken when the application is ready, after every module's demo data
 * (workload's cases, surveys' cycles, safety's incidents) exists: the demo municipality
 * is announced by an application runner, and each module fills it in its own listener, in
 * an order no listener may count on. Through the real services: {@link Snapshots#take}
 * and {@link Reviews}, as the demo accounts.
 */
@Component
class DemoOverview {

	private static final Logger log = LoggerFactory.getLogger(DemoOverview.class);

	/** The quarters frozen: the eight before the demo's day. */
	static final int QUARTERS = 8;

	static final String EMPLOYER_COMMENT = """
			Arbetsgivaren konstaterar att andelen utredningar över tidsgränsen har minskat sedan förra \
			kvartalet men ligger kvar över målet. Två tjänster i Barn och familj tillsätts under nästa kvartal \
			och handlingsplanen för mottagningen följs upp i samverkansgruppen.""";

	static final String UNION_COMMENT = """
			Fackliga företrädare delar bilden av siffrorna men vill understryka att belastningen i Barn och \
			familj fortfarande ligger över kapacitet för flera handläggare. Vi begär att rekryteringen följs upp \
			vid varje samverkansmöte och att hot och våld tas upp som en stående punkt.""";

	private final Snapshots snapshots;

	private final Reviews reviews;

	private final UserDetailsService accounts;

	private final Organisations organisations;

	private final AtomicReference<DemoMunicipalityCreated> created = new AtomicReference<>();

	DemoOverview(Snapshots snapshots, Reviews reviews, UserDetailsService accounts, Organisations organisations) {
		this.organisations = organisations;
		this.snapshots = snapshots;
		this.reviews = reviews;
		this.accounts = accounts;
	}

	/** Only a demo just created gets its overview; a restart finds it there. */
	@EventListener
	void on(DemoMunicipalityCreated demo) {
		this.created.set(demo);
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		DemoMunicipalityCreated demo = this.created.getAndSet(null);
		if (demo != null) {
			create(this.organisations.find(demo.organisationId()).orElseThrow(), Quarter.of(demo.today()).previous());
		}
	}

	void create(Organisation organisation, Quarter newest) {
		List<Quarter> quarters = newest.endingHere(QUARTERS);
		long started = System.nanoTime();
		Snapshot last = null;
		for (Quarter quarter : quarters) {
			last = this.snapshots.take(organisation, quarter, null, null);
		}
		CurrentAccount hr = (CurrentAccount) this.accounts.loadUserByUsername("hr");
		CurrentAccount union = (CurrentAccount) this.accounts.loadUserByUsername("union");
		require(this.reviews.comment(organisation.id(), last.id(), hr, Side.EMPLOYER, EMPLOYER_COMMENT));
		require(this.reviews.comment(organisation.id(), last.id(), union, Side.UNION, UNION_COMMENT));
		require(this.reviews.signOff(organisation.id(), last.id(), hr, Side.EMPLOYER, last.version()));
		require(this.reviews.signOff(organisation.id(), last.id(), union, Side.UNION, last.version()));
		log.info("Demo overview: {} quarterly snapshots in {} ms, {} commented and signed by both parties",
				quarters.size(), (System.nanoTime() - started) / 1_000_000, newest);
	}

	private static void require(Reviews.Outcome outcome) {
		if (outcome != Reviews.Outcome.DONE) {
			throw new IllegalStateException("The demo's overview review was refused: " + outcome);
		}
	}

}

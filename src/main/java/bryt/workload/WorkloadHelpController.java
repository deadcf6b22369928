package bryt.workload;

import bryt.organisation.CurrentAccount;
import bryt.shared.web.HelpPage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What the workload figures mean: points, capacity, bands and their edges, the load
 * model, forecast, deadlines and the two-handler rule, with the numbers of the user's
 * organisation read from its load model as Bryt computes with it.
 */
@Controller
class WorkloadHelpController implements HelpPage {

	private final Workload workload;

	WorkloadHelpController(Workload workload) {
		this.workload = workload;
	}

	@Override
	public String module() {
		return "workload";
	}

	@Override
	public int order() {
		return 1;
	}

	@GetMapping("/help/workload")
	@PreAuthorize("isAuthenticated()")
	String help(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("loadModel", loadModel(this.workload, me.organisationId()));
		return "workload/help";
	}

	static LoadModel loadModel(Workload workload, long organisationId) {
		return LoadModel.of(workload.settings(organisationId), workload.caseTypes(organisationId), workload.today());
	}

}

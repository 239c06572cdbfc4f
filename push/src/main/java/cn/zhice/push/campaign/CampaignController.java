package cn.zhice.push.campaign;

import cn.zhice.push.Campaign;
import cn.zhice.push.CampaignPreview;
import cn.zhice.push.Campaigns;
import cn.zhice.push.DeadLetter;
import cn.zhice.push.NewCampaign;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The campaign API: {@code POST /api/admin/campaigns} (EDITOR) creates, {@code GET …/{id}/preview} previews,
 * {@code POST …/{id}/approve} (REVIEWER, never the creator) approves, {@code GET …/{id}} shows status and funnel;
 * dead letters can be listed and retried.
 */
@RestController
class CampaignController {

    private final Campaigns campaigns;

    CampaignController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping("/api/admin/campaigns")
    ResponseEntity<Campaign> create(@RequestBody NewCampaign request, Principal actor) {
        Campaign campaign = campaigns.create(request, actor.getName());
        return ResponseEntity.created(URI.create("/api/admin/campaigns/" + campaign.id())).body(campaign);
    }

    @GetMapping("/api/admin/campaigns")
    List<Campaign> list(@RequestParam(defaultValue = "50") int limit) {
        return campaigns.list(limit);
    }

    @GetMapping("/api/admin/campaigns/{id}")
    Campaign find(@PathVariable long id) {
        return campaigns.find(id);
    }

    @GetMapping("/api/admin/campaigns/{id}/preview")
    CampaignPreview preview(@PathVariable long id) {
        return campaigns.preview(id);
    }

    @PostMapping("/api/admin/campaigns/{id}/approve")
    Campaign approve(@PathVariable long id, Principal actor) {
        return campaigns.approve(id, actor.getName());
    }

    @PostMapping("/api/admin/campaigns/{id}/cancel")
    Campaign cancel(@PathVariable long id, Principal actor) {
        return campaigns.cancel(id, actor.getName());
    }

    @GetMapping("/api/admin/campaigns/dead-letters")
    List<DeadLetter> deadLetters(@RequestParam(defaultValue = "100") int limit) {
        return campaigns.deadLetters(limit);
    }

    @PostMapping("/api/admin/campaigns/dead-letters/{deliveryId}/retry")
    ResponseEntity<Void> retry(@PathVariable long deliveryId, Principal actor) {
        campaigns.retry(deliveryId, actor.getName());
        return ResponseEntity.accepted().build();
    }
}

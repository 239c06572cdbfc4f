package cn.zhice.admin.security;

import cn.zhice.push.Campaign;
import cn.zhice.push.CampaignNotFound;
import cn.zhice.push.Campaigns;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may cancel a campaign ({@code …/campaigns/{id}/cancel}): a reviewer, or the staff member who created it — an
 * editor may withdraw their own request, never a colleague's. An unknown id is let through to be answered as 404.
 */
final class CampaignCancellers implements AuthorizationManager<RequestAuthorizationContext> {

    private final ObjectProvider<Campaigns> campaigns;

    CampaignCancellers(ObjectProvider<Campaigns> campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication user = authentication.get();
        if (user == null || !user.isAuthenticated() || !has(user, "ROLE_EDITOR")) {
            return new AuthorizationDecision(false);
        }
        if (has(user, "ROLE_REVIEWER")) {
            return new AuthorizationDecision(true);
        }
        long id;
        try {
            id = Long.parseLong(context.getVariables().getOrDefault("id", ""));
        } catch (NumberFormatException e) {
            return new AuthorizationDecision(true);
        }
        try {
            Campaign campaign = campaigns.getObject().find(id);
            return new AuthorizationDecision(campaign.createdBy().equals(user.getName()));
        } catch (CampaignNotFound e) {
            return new AuthorizationDecision(true);
        }
    }

    private static boolean has(Authentication user, String authority) {
        return user.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}

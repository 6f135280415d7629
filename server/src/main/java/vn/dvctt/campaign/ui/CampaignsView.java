package vn.dvctt.campaign.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dvctt.campaign.CampaignData;
import vn.dvctt.campaign.CampaignKind;
import vn.dvctt.campaign.CampaignService;
import vn.dvctt.campaign.NewCampaign;
import vn.dvctt.geo.AdminUnitService;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.ui.NavEntry;

/** Campaigns over the user's area and inside it; organizers start new ones for their own unit. */
@Route("campaigns")
@PermitAll
class CampaignsView extends VerticalLayout implements HasDynamicTitle {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final CampaignService campaigns;
    private final AdminUnitService units;
    private final Grid<CampaignData> grid = new Grid<>();

    CampaignsView(CampaignService campaigns, AdminUnitService units) {
        this.campaigns = campaigns;
        this.units = units;
        setSizeFull();
        if (campaigns.canCreate()) {
            Button create = new Button(getTranslation("campaign.new"), VaadinIcon.PLUS.create(), e -> createDialog());
            create.setId("campaign-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        grid.setId("campaign-grid");
        grid.addColumn(CampaignData::title).setHeader(getTranslation("campaign.title")).setFlexGrow(3);
        grid.addColumn(c -> getTranslation("campaign.kind." + c.kind().name())).setHeader(getTranslation("campaign.kind"))
                .setAutoWidth(true);
        grid.addColumn(c -> DATE.format(c.startsOn()) + " – " + DATE.format(c.endsOn()))
                .setHeader(getTranslation("campaign.dates")).setAutoWidth(true);
        grid.addComponentColumn(c -> status(c)).setHeader(getTranslation("campaign.status")).setAutoWidth(true);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText(getTranslation("campaign.none"));
        grid.setSizeFull();
        add(grid);
        grid.setItems(campaigns.visibleCampaigns());
    }

    private Span status(CampaignData campaign) {
        Span badge = new Span(getTranslation("campaign.status." + campaign.status().name()));
        badge.getElement().getThemeList().add(switch (campaign.status()) {
            case DRAFT -> "badge contrast";
            case ACTIVE -> "badge success";
            case CLOSED -> "badge";
        });
        return badge;
    }

    private void open(CampaignData campaign) {
        getUI().ifPresent(ui -> ui.navigate(CampaignView.class,
                new RouteParameters("id", String.valueOf(campaign.id().value()))));
    }

    private void createDialog() {
        Dialog dialog = new Dialog(getTranslation("campaign.new"));
        TextField title = new TextField(getTranslation("campaign.title"));
        title.setId("campaign-title");
        title.setWidthFull();
        ComboBox<CampaignKind> kind = new ComboBox<>(getTranslation("campaign.kind"), CampaignKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("campaign.kind." + k.name()));
        kind.setValue(CampaignKind.PEAK);
        TextField legalBasis = new TextField(getTranslation("campaign.legalBasis"));
        legalBasis.setPlaceholder("Kế hoạch 170/KH-UBND ngày 01/6/2022");
        legalBasis.setWidthFull();
        DatePicker starts = new DatePicker(getTranslation("campaign.startsOn"));
        starts.setId("campaign-starts");
        DatePicker ends = new DatePicker(getTranslation("campaign.endsOn"));
        ends.setId("campaign-ends");
        Span error = new Span();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        FormLayout form = new FormLayout(title, kind, legalBasis, starts, ends, error);
        form.setColspan(title, 2);
        form.setColspan(legalBasis, 2);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                CampaignData created = campaigns.create(new NewCampaign(title.getValue(), kind.getValue(),
                        legalBasis.getValue(), starts.getValue(), ends.getValue(), units.myUnit().id()));
                dialog.close();
                open(created);
            } catch (InvalidInputException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.args()));
            }
        });
        save.setId("campaign-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.campaigns");
    }

    @Configuration
    static class CampaignNavigation {
        @Bean
        NavEntry campaignsNav() {
            return new NavEntry(5, "nav.campaigns", VaadinIcon.FLAG, CampaignsView.class);
        }
    }
}

package vn.dvctt.team.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.shared.InvalidInputException;
import vn.dvctt.shared.VietnameseText;
import vn.dvctt.team.Gender;
import vn.dvctt.team.MemberData;
import vn.dvctt.team.MemberDraft;
import vn.dvctt.team.MemberRole;
import vn.dvctt.team.TeamData;
import vn.dvctt.team.TeamService;

/** One team: its decision, members (with history), and for organizers add, move, leave and trainings. */
@Route("teams/:id([0-9]{1,18})")
@PermitAll
class TeamDetail extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TeamService teams;
    private final Grid<MemberData> members = new Grid<>();
    private final Checkbox history = new Checkbox();
    private TeamData team;
    private boolean manage;
    private Set<Long> withPin = Set.of();

    TeamDetail(TeamService teams) {
        this.teams = teams;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        removeAll();
        Optional<TeamData> found = teams.team(id);
        if (found.isEmpty()) {
            // The same answer for "does not exist" and "not yours".
            team = null;
            add(new H2(getTranslation("team.notFound")));
            return;
        }
        team = found.get();
        manage = team.active() && teams.canManage(team.unitPath());
        render();
    }

    private void render() {
        removeAll();
        H2 title = new H2(team.name());
        title.setId("team-title");
        FormLayout facts = new FormLayout();
        facts.addFormItem(new Text(team.unitName()), getTranslation("team.unit"));
        facts.addFormItem(new Text(Objects.toString(team.decisionNumber(), "—")), getTranslation("team.decisionNumber"));
        facts.addFormItem(new Text(team.decisionDate() == null ? "—" : TeamsView.DATE.format(team.decisionDate())),
                getTranslation("team.decisionDate"));
        facts.addFormItem(new Text(Objects.toString(team.decisionSigner(), "—")), getTranslation("team.decisionSigner"));
        facts.addFormItem(new Text(String.valueOf(team.activeMembers())), getTranslation("team.members"));
        if (!team.active()) {
            facts.addFormItem(new Text(TeamsView.DATE.format(team.disbandedOn())), getTranslation("team.status"));
        }
        history.setLabel(getTranslation("team.history"));
        history.setId("team-history");
        history.addValueChangeListener(e -> refresh());
        HorizontalLayout actions = new HorizontalLayout(history);
        actions.setAlignItems(Alignment.BASELINE);
        if (manage) {
            Button add = new Button(getTranslation("team.addMember"), VaadinIcon.PLUS.create(), e -> memberDialog(null));
            add.setId("team-add-member");
            Button disband = new Button(getTranslation("team.disband"), e -> disbandDialog());
            disband.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            disband.setId("team-disband");
            actions.add(add, disband);
        }
        members.removeAllColumns();
        members.setId("team-members");
        members.addColumn(MemberData::fullName).setHeader(getTranslation("team.member.name")).setFlexGrow(2)
                .setKey("name").setComparator(VietnameseText.byName(MemberData::fullName));
        members.addColumn(m -> getTranslation("team.role." + m.role().name())).setHeader(getTranslation("team.member.role"))
                .setAutoWidth(true).setKey("role");
        members.addColumn(m -> Objects.toString(m.phone(), "")).setHeader(getTranslation("team.member.phone"))
                .setAutoWidth(true).setKey("phone");
        members.addColumn(m -> m.birthYear() == null ? "" : String.valueOf(m.birthYear()))
                .setHeader(getTranslation("team.member.birthYear")).setAutoWidth(true);
        members.addColumn(m -> flags(m)).setHeader(getTranslation("team.member.flags")).setAutoWidth(true);
        members.addColumn(m -> m.trainings().stream().map(t -> t.name() + " (" + TeamsView.DATE.format(t.completedOn())
                + ")").collect(Collectors.joining("; "))).setHeader(getTranslation("team.member.trainings")).setFlexGrow(2)
                .setKey("trainings");
        members.addColumn(this::period).setHeader(getTranslation("team.member.period")).setAutoWidth(true).setKey("period");
        members.addColumn(m -> withPin.contains(m.membershipId()) ? getTranslation("team.pin.set") : "")
                .setHeader(getTranslation("team.pin.column")).setAutoWidth(true).setKey("pin");
        members.addComponentColumn(this::rowActions).setHeader("").setAutoWidth(true).setKey("actions");
        members.setSizeFull();
        add(new RouterLink(getTranslation("team.nav.list"), TeamsView.class), title, facts, actions, members);
        refresh();
    }

    private String flags(MemberData m) {
        StringBuilder s = new StringBuilder();
        if (m.youthUnion()) {
            s.append(getTranslation("team.member.youthUnion"));
        }
        if (m.communeOfficial()) {
            s.append(s.length() > 0 ? ", " : "").append(getTranslation("team.member.communeOfficial"));
        }
        return s.toString();
    }

    private String period(MemberData m) {
        String from = TeamsView.DATE.format(m.joinedOn());
        return m.active() ? getTranslation("team.member.since", from)
                : getTranslation("team.member.between", from, TeamsView.DATE.format(m.leftOn()),
                        getTranslation("team.endReason." + m.endReason().name()));
    }

    private HorizontalLayout rowActions(MemberData m) {
        HorizontalLayout row = new HorizontalLayout();
        Button detail = small(VaadinIcon.EYE, "team.member.detail", e -> detailDialog(m));
        row.add(detail);
        if (manage && m.active()) {
            row.add(small(VaadinIcon.EDIT, "team.member.edit", e -> memberDialog(m)),
                    small(VaadinIcon.ACADEMY_CAP, "team.member.training", e -> trainingDialog(m)),
                    small(VaadinIcon.PASSWORD, "team.member.pin", e -> pinDialog(m)),
                    small(VaadinIcon.EXCHANGE, "team.member.move", e -> moveDialog(m)),
                    small(VaadinIcon.SIGN_OUT, "team.member.leave", e -> leaveDialog(m)));
        }
        return row;
    }

    private Button small(VaadinIcon icon, String key, com.vaadin.flow.component.ComponentEventListener<
            com.vaadin.flow.component.ClickEvent<Button>> click) {
        Button b = new Button(icon.create(), click);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        b.setTooltipText(getTranslation(key));
        b.setAriaLabel(getTranslation(key));
        b.addClassName("member-" + key.substring(key.lastIndexOf('.') + 1));
        return b;
    }

    private void refresh() {
        withPin = teams.withRunnerPin(team.id());
        members.setItems(teams.members(team.id(), history.getValue()));
    }

    private void reload() {
        team = teams.team(team.id()).orElseThrow();
        manage = team.active() && teams.canManage(team.unitPath());
        render();
    }

    private void detailDialog(MemberData listed) {
        MemberData m = teams.member(listed.membershipId());
        Dialog dialog = new Dialog(m.fullName());
        dialog.setId("member-detail");
        FormLayout form = new FormLayout();
        form.addFormItem(new Text(getTranslation("team.role." + m.role().name())), getTranslation("team.member.role"));
        Text phone = new Text(Objects.toString(m.phone(), "—"));
        form.addFormItem(phone, getTranslation("team.member.phone"));
        form.addFormItem(new Text(m.birthYear() == null ? "—" : String.valueOf(m.birthYear())),
                getTranslation("team.member.birthYear"));
        form.addFormItem(new Text(m.gender() == null ? "—" : getTranslation("team.gender." + m.gender().name())),
                getTranslation("team.member.gender"));
        form.addFormItem(new Text(flags(m)), getTranslation("team.member.flags"));
        form.addFormItem(new Text(Objects.toString(m.skills(), "—")), getTranslation("team.member.skills"));
        dialog.add(form);
        Grid<MemberData> past = new Grid<>();
        past.setId("member-history");
        past.addColumn(h -> teams.find(h.teamId()).map(t -> t.name() + " · " + t.unitName()).orElse(""))
                .setHeader(getTranslation("team.name")).setFlexGrow(2);
        past.addColumn(this::period).setHeader(getTranslation("team.member.period")).setAutoWidth(true);
        past.setItems(teams.historyOf(m.membershipId()));
        past.setAllRowsVisible(true);
        dialog.add(new Paragraph(getTranslation("team.member.trainings") + ": " + m.trainings().stream()
                .map(t -> t.name() + " (" + TeamsView.DATE.format(t.completedOn()) + ")")
                .collect(Collectors.joining("; "))), past);
        dialog.setWidth("min(95vw, 40rem)");
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private void memberDialog(MemberData existing) {
        MemberData full = existing == null ? null : teams.member(existing.membershipId());
        Dialog dialog = new Dialog(getTranslation(existing == null ? "team.addMember" : "team.member.edit"));
        dialog.setId("member-dialog");
        dialog.setWidth("min(95vw, 40rem)");
        TextField name = new TextField(getTranslation("team.member.name"));
        name.setRequired(true);
        Select<MemberRole> role = new Select<>();
        role.setLabel(getTranslation("team.member.role"));
        role.setItems(MemberRole.values());
        role.setItemLabelGenerator(r -> getTranslation("team.role." + r.name()));
        role.setValue(MemberRole.MEMBER);
        TextField phone = new TextField(getTranslation("team.member.phone"));
        phone.setHelperText(getTranslation("team.member.phone.help"));
        IntegerField year = new IntegerField(getTranslation("team.member.birthYear"));
        Select<Gender> gender = new Select<>();
        gender.setLabel(getTranslation("team.member.gender"));
        gender.setItems(Gender.values());
        gender.setEmptySelectionAllowed(true);
        gender.setItemLabelGenerator(g -> g == null ? "" : getTranslation("team.gender." + g.name()));
        Checkbox youth = new Checkbox(getTranslation("team.member.youthUnion"));
        Checkbox official = new Checkbox(getTranslation("team.member.communeOfficial"));
        TextField skills = new TextField(getTranslation("team.member.skills"));
        if (full != null) {
            name.setValue(full.fullName());
            role.setValue(full.role());
            phone.setValue(Objects.toString(full.phone(), ""));
            year.setValue(full.birthYear());
            gender.setValue(full.gender());
            youth.setValue(full.youthUnion());
            official.setValue(full.communeOfficial());
            skills.setValue(Objects.toString(full.skills(), ""));
        }
        dialog.add(new FormLayout(name, role, phone, year, gender, skills, youth, official));
        Button save = new Button(getTranslation("action.save"), e -> {
            name.setInvalid(false);
            phone.setInvalid(false);
            year.setInvalid(false);
            MemberDraft draft = new MemberDraft(name.getValue(), role.getValue(), phone.getValue(), year.getValue(),
                    gender.getValue(), youth.getValue(), official.getValue(), skills.getValue());
            try {
                if (full == null) {
                    teams.addMember(team.id(), draft, LocalDate.now(TeamService.ZONE));
                } else {
                    teams.updateMember(full.membershipId(), draft);
                }
                dialog.close();
                reload();
            } catch (InvalidInputException ex) {
                String message = getTranslation(ex.messageKey(), ex.args());
                switch (ex.messageKey()) {
                    case "team.error.phone" -> invalid(phone, message);
                    case "team.error.birthYear" -> {
                        year.setErrorMessage(message);
                        year.setInvalid(true);
                    }
                    default -> invalid(name, message);
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("member-save");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    /** The PIN the member signs in with on the village computers' session runner; only its hash is kept. */
    private void pinDialog(MemberData m) {
        Dialog dialog = new Dialog(getTranslation("team.pin.title", m.fullName()));
        dialog.setId("pin-dialog");
        PasswordField pin = new PasswordField(getTranslation("team.pin.field"));
        pin.setId("pin-field");
        pin.setHelperText(getTranslation("team.pin.help"));
        pin.setAllowedCharPattern("[0-9]");
        pin.setMaxLength(8);
        dialog.add(new VerticalLayout(pin));
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                teams.setRunnerPin(m.membershipId(), pin.getValue());
                dialog.close();
                refresh();
            } catch (InvalidInputException ex) {
                invalid(pin, getTranslation(ex.messageKey(), ex.args()));
            }
        });
        save.setId("pin-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clear = new Button(getTranslation("team.pin.clear"), e -> {
            teams.clearRunnerPin(m.membershipId());
            dialog.close();
            refresh();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        clear.setVisible(withPin.contains(m.membershipId()));
        dialog.getFooter().add(clear, new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void trainingDialog(MemberData m) {
        Dialog dialog = new Dialog(getTranslation("team.member.training"));
        dialog.setId("training-dialog");
        TextField name = new TextField(getTranslation("team.training.name"));
        name.setWidthFull();
        DatePicker date = new DatePicker(getTranslation("team.training.date"), LocalDate.now(TeamService.ZONE));
        date.setLocale(VietnameseText.VIETNAMESE);
        dialog.add(new VerticalLayout(name, date));
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                teams.recordTraining(m.membershipId(), name.getValue(), date.getValue());
                dialog.close();
                refresh();
            } catch (InvalidInputException ex) {
                invalid(name, getTranslation(ex.messageKey(), ex.args()));
            }
        });
        save.setId("training-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void moveDialog(MemberData m) {
        Dialog dialog = new Dialog(getTranslation("team.member.move"));
        dialog.setId("move-dialog");
        ComboBox<TeamData> target = new ComboBox<>(getTranslation("team.move.to"));
        target.setItems(teams.search("", null, false).stream()
                .filter(t -> t.id() != team.id() && teams.canManage(t.unitPath())).toList());
        target.setItemLabelGenerator(t -> t.name() + " · " + t.unitName());
        target.setWidthFull();
        DatePicker date = new DatePicker(getTranslation("team.move.date"), LocalDate.now(TeamService.ZONE));
        date.setLocale(VietnameseText.VIETNAMESE);
        dialog.add(new VerticalLayout(target, date));
        Button save = new Button(getTranslation("team.member.move"), e -> {
            if (target.getValue() == null) {
                target.setErrorMessage(getTranslation("team.move.required"));
                target.setInvalid(true);
                return;
            }
            try {
                teams.move(m.membershipId(), target.getValue().id(), date.getValue());
                dialog.close();
                reload();
            } catch (InvalidInputException ex) {
                target.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
                target.setInvalid(true);
            } catch (OutsideScopeException ex) {
                target.setErrorMessage(getTranslation("team.error.outsideScope"));
                target.setInvalid(true);
            }
        });
        save.setId("move-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void leaveDialog(MemberData m) {
        Dialog dialog = new Dialog(getTranslation("team.member.leave"));
        dialog.setId("leave-dialog");
        DatePicker date = new DatePicker(getTranslation("team.leave.date"), LocalDate.now(TeamService.ZONE));
        date.setLocale(VietnameseText.VIETNAMESE);
        dialog.add(new Paragraph(getTranslation("team.leave.confirm", m.fullName())), date);
        Button save = new Button(getTranslation("team.member.leave"), e -> {
            try {
                teams.leave(m.membershipId(), date.getValue());
                dialog.close();
                reload();
            } catch (InvalidInputException ex) {
                date.setErrorMessage(getTranslation(ex.messageKey(), ex.args()));
                date.setInvalid(true);
            }
        });
        save.setId("leave-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void disbandDialog() {
        Dialog dialog = new Dialog(getTranslation("team.disband"));
        DatePicker date = new DatePicker(getTranslation("team.disband.date"), LocalDate.now(TeamService.ZONE));
        date.setLocale(VietnameseText.VIETNAMESE);
        dialog.add(new Paragraph(getTranslation("team.disband.confirm", team.name())), date);
        Button save = new Button(getTranslation("team.disband"), e -> {
            teams.disband(team.id(), date.getValue());
            dialog.close();
            reload();
        });
        save.setId("disband-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return team == null ? getTranslation("team.nav.list") : team.name();
    }
}

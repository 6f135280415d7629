package vn.dvctt.campaign;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvctt.audit.AuditLog;
import vn.dvctt.campaign.internal.Campaign;
import vn.dvctt.campaign.internal.CampaignTask;
import vn.dvctt.campaign.internal.Campaigns;
import vn.dvctt.campaign.internal.SolutionGroup;
import vn.dvctt.campaign.internal.SolutionGroups;
import vn.dvctt.campaign.internal.TaskNote;
import vn.dvctt.campaign.internal.TaskNotes;
import vn.dvctt.campaign.internal.Tasks;
import vn.dvctt.geo.UnitId;
import vn.dvctt.geo.UnitLabel;
import vn.dvctt.geo.UnitPaths;
import vn.dvctt.geo.UnitsRepathed;
import vn.dvctt.media.ContentStore;
import vn.dvctt.media.ImageService;
import vn.dvctt.media.StoredContent;
import vn.dvctt.media.StoredImage;
import vn.dvctt.notice.NoticeService;
import vn.dvctt.security.CurrentUser;
import vn.dvctt.security.OutsideScopeException;
import vn.dvctt.security.Recipient;
import vn.dvctt.security.Role;
import vn.dvctt.security.Scope;
import vn.dvctt.security.UserService;
import vn.dvctt.shared.InvalidInputException;

/**
 * A campaign's tasks (nhiệm vụ) in its solution groups: who leads, who coordinates, the deadline,
 * the status and the progress notes with evidence. Organizers over the campaign plan the tasks;
 * organizers of the responsible unit (or above it) report on them; everyone who sees the campaign
 * sees its tasks. A daily job reminds the responsible users of overdue and nearly due tasks.
 */
@Service
public class CampaignTasks {

    public static final int MAX_TITLE = 1000;
    public static final int MAX_AGENCY = 200;
    public static final int MAX_NOTE = 2000;
    public static final long MAX_EVIDENCE_BYTES = 20L * 1024 * 1024;
    static final String AUDIT_TASK = "CampaignTask";
    private static final Set<Role> ANSWERING = Set.of(Role.ORGANIZER, Role.ADMIN);
    /** Organizers are told; administrators run the installation, not the campaign. */
    private static final Set<Role> REMINDED = Set.of(Role.ORGANIZER);
    private static final int TITLES_IN_REMINDER = 5;

    private final Tasks tasks;
    private final TaskNotes notes;
    private final SolutionGroups groups;
    private final Campaigns campaigns;
    private final UnitPaths unitPaths;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ContentStore store;
    private final ImageService images;
    private final UserService users;
    private final NoticeService notices;
    private final int dueSoonDays;

    CampaignTasks(Tasks tasks, TaskNotes notes, SolutionGroups groups, Campaigns campaigns, UnitPaths unitPaths,
                  CurrentUser currentUser, AuditLog audit, ContentStore store, ImageService images, UserService users,
                  NoticeService notices, @Value("${dvctt.campaign.task-due-soon-days:3}") int dueSoonDays) {
        this.tasks = tasks;
        this.notes = notes;
        this.groups = groups;
        this.campaigns = campaigns;
        this.unitPaths = unitPaths;
        this.currentUser = currentUser;
        this.audit = audit;
        this.store = store;
        this.images = images;
        this.users = users;
        this.notices = notices;
        this.dueSoonDays = dueSoonDays;
    }

    @Transactional(readOnly = true)
    public List<SolutionGroupData> groups(CampaignId id) {
        visibleCampaign(id);
        return groups.findByCampaignIdOrderByPosition(id.value()).stream().map(SolutionGroup::toData).toList();
    }

    /** Adds a solution group at the end of the plan's list. */
    @Transactional
    public SolutionGroupData addGroup(CampaignId id, String name) {
        Campaign campaign = plannable(id);
        String clean = required(name, "campaign.task.error.groupName", 400);
        SolutionGroup group = groups.save(new SolutionGroup(campaign.getId(), groups.lastPosition(campaign.getId()) + 1,
                clean));
        audit.record("add", "SolutionGroup", campaign.getId() + "#" + group.getId(), campaign.getScopeUnitPath(), null,
                clean);
        return group.toData();
    }

    /** The campaign's tasks by deadline, each with its standing as of {@code today}. */
    @Transactional(readOnly = true)
    public List<TaskData> tasks(CampaignId id, LocalDate today) {
        visibleCampaign(id);
        return toData(tasks.ofCampaign(id.value()), today);
    }

    @Transactional(readOnly = true)
    public TaskData task(long taskId, LocalDate today) {
        return toData(List.of(visibleTask(taskId)), today).get(0);
    }

    @Transactional
    public TaskData create(NewTask draft) {
        Campaign campaign = plannable(draft.campaign());
        String title = required(draft.title(), "campaign.task.error.title", MAX_TITLE);
        String lead = required(draft.leadAgency(), "campaign.task.error.leadAgency", MAX_AGENCY);
        List<String> coordinating = new ArrayList<>();
        for (String agency : draft.coordinatingAgencies() == null ? List.<String>of() : draft.coordinatingAgencies()) {
            String clean = agency == null ? "" : agency.strip().replaceAll("\\s+", " ");
            if (clean.length() > MAX_AGENCY) {
                throw new InvalidInputException("campaign.task.error.agencyLength", "Agency name too long", MAX_AGENCY);
            }
            if (!clean.isEmpty() && !clean.equalsIgnoreCase(lead) && !coordinating.contains(clean)) {
                coordinating.add(clean);
            }
        }
        if (String.join("\n", coordinating).length() > 1000) {
            throw new InvalidInputException("campaign.task.error.tooManyAgencies", "Too many coordinating agencies");
        }
        if (draft.deadline() == null) {
            throw new InvalidInputException("campaign.task.error.deadline", "A task needs a deadline");
        }
        Long groupId = draft.solutionGroupId();
        if (groupId != null && groups.findById(groupId).filter(g -> g.getCampaignId() == campaign.getId()).isEmpty()) {
            throw new InvalidInputException("campaign.task.error.group", "No such solution group in this campaign");
        }
        UnitId unit = draft.responsibleUnit() == null ? new UnitId(campaign.getScopeUnitId()) : draft.responsibleUnit();
        String path = unitPaths.pathOf(unit).orElseThrow(() -> new InvalidInputException(
                "campaign.error.unknownUnit", "No unit " + unit.value(), unit.value()));
        if (!path.startsWith(campaign.getScopeUnitPath())) {
            throw new InvalidInputException("campaign.task.error.unitOutside",
                    "The responsible unit is outside the campaign's area");
        }
        CampaignTask task = tasks.saveAndFlush(new CampaignTask(campaign.getId(), groupId, title, lead, coordinating,
                unit.value(), path, draft.deadline()));
        audit.record("add", AUDIT_TASK, String.valueOf(task.getId()), path, null, task.summary());
        return toData(List.of(task), LocalDate.now()).get(0);
    }

    /** Planners move a deadline; the change is audited. */
    @Transactional
    public TaskData setDeadline(long taskId, LocalDate deadline) {
        CampaignTask task = visibleTask(taskId);
        plannable(new CampaignId(task.getCampaignId()));
        if (deadline == null) {
            throw new InvalidInputException("campaign.task.error.deadline", "A task needs a deadline");
        }
        String before = task.summary();
        task.setDeadline(deadline);
        audit.record("deadline", AUDIT_TASK, String.valueOf(taskId), task.getResponsibleUnitPath(), before,
                task.summary());
        return toData(List.of(task), LocalDate.now()).get(0);
    }

    @Transactional
    public TaskData setStatus(long taskId, TaskStatus status, LocalDate today) {
        CampaignTask task = reportable(taskId);
        if (status == null) {
            throw new InvalidInputException("campaign.task.error.status", "A status is required");
        }
        String before = task.summary();
        task.setStatus(status, today);
        audit.record("status", AUDIT_TASK, String.valueOf(taskId), task.getResponsibleUnitPath(), before,
                task.summary());
        return toData(List.of(task), today).get(0);
    }

    @Transactional(readOnly = true)
    public List<TaskNoteData> notes(long taskId) {
        visibleTask(taskId);
        return notes.ofTask(taskId).stream().map(TaskNote::toData).toList();
    }

    /**
     * Adds a progress note, with optional evidence: a link (http/https only) and/or a file. A PDF is
     * kept as sent; a JPEG or PNG photo goes through {@link ImageService}, which drops its metadata
     * (GPS) and refuses hostile images. Anything else is refused with its reason.
     */
    @Transactional
    public TaskNoteData addNote(long taskId, String note, String evidenceUrl, InputStream evidence,
                                String evidenceName) {
        CampaignTask task = reportable(taskId);
        String text = required(note, "campaign.task.error.note", MAX_NOTE);
        String url = evidenceUrl == null || evidenceUrl.isBlank() ? null : checkedUrl(evidenceUrl.strip());
        String sha = null;
        String type = null;
        String name = null;
        if (evidence != null) {
            name = evidenceName == null || evidenceName.isBlank() ? "evidence" : evidenceName.strip();
            name = name.length() > 200 ? name.substring(name.length() - 200) : name;
            try {
                Evidence stored = storeEvidence(evidence, name);
                sha = stored.sha256();
                type = stored.mediaType();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        TaskNote saved = notes.save(new TaskNote(taskId, currentUser.actorName(), text, url, sha, name, type));
        if (task.getStatus() == TaskStatus.NOT_STARTED) {
            task.setStatus(TaskStatus.IN_PROGRESS, LocalDate.now());
        }
        audit.record("note", AUDIT_TASK, String.valueOf(taskId), task.getResponsibleUnitPath(), null,
                sha == null ? "note" : "note+evidence " + sha);
        return saved.toData();
    }

    /** The bytes of a note's evidence file, for those who see the task. */
    @Transactional(readOnly = true)
    public InputStream openEvidence(long taskId, String sha256) throws IOException {
        visibleTask(taskId);
        if (sha256 == null || !notes.existsByEvidenceSha256AndTaskIdIn(sha256, List.of(taskId))) {
            throw new OutsideScopeException("No such evidence on task " + taskId);
        }
        return store.open(sha256);
    }

    /**
     * The reminder: for each active campaign, every open task past its deadline or due within the
     * configured days, listed once a day to the enabled organizers of its responsible unit (or, when
     * that unit has none, of the campaign's unit). Runs as the system from the Quartz job; running it
     * twice on a day sends nothing new.
     */
    @Transactional
    public TaskReminders remind(LocalDate today) {
        if (currentUser.scope().userId() != 0) {
            throw new OutsideScopeException("Reminders are sent by the scheduled job");
        }
        List<CampaignTask> due = tasks.openDueBy(today.plusDays(dueSoonDays));
        Map<Long, Campaign> byId = campaigns.findAllById(due.stream().map(CampaignTask::getCampaignId).distinct()
                .toList()).stream().collect(Collectors.toMap(Campaign::getId, Function.identity()));
        // recipient → campaign → tasks, so each person gets one digest per campaign
        Map<Recipient, Map<Long, List<CampaignTask>>> digest = new LinkedHashMap<>();
        Map<String, List<Recipient>> recipientsByPath = new LinkedHashMap<>();
        int overdue = 0;
        for (CampaignTask task : due) {
            if (task.getDeadline().isBefore(today)) {
                overdue++;
            }
            Campaign campaign = byId.get(task.getCampaignId());
            List<Recipient> to = recipientsByPath.computeIfAbsent(task.getResponsibleUnitPath(),
                    path -> users.recipientsAt(path, REMINDED));
            if (to.isEmpty()) {
                to = recipientsByPath.computeIfAbsent(campaign.getScopeUnitPath(),
                        path -> users.recipientsAt(path, REMINDED));
            }
            for (Recipient recipient : to) {
                digest.computeIfAbsent(recipient, r -> new LinkedHashMap<>())
                        .computeIfAbsent(campaign.getId(), c -> new ArrayList<>()).add(task);
            }
        }
        int sent = 0;
        for (var perRecipient : digest.entrySet()) {
            for (var perCampaign : perRecipient.getValue().entrySet()) {
                List<CampaignTask> list = perCampaign.getValue();
                long late = list.stream().filter(t -> t.getDeadline().isBefore(today)).count();
                String titles = list.stream().limit(TITLES_IN_REMINDER)
                        .map(t -> "• " + t.getTitle() + " (" + t.getLeadAgency() + ", " + t.getDeadline() + ")")
                        .collect(Collectors.joining("\n"));
                if (list.size() > TITLES_IN_REMINDER) {
                    titles += "\n…";
                }
                boolean created = notices.send(perRecipient.getKey(), "tasks:" + perCampaign.getKey() + ":" + today,
                        "campaign.task.reminder", List.of(String.valueOf(late), String.valueOf(list.size() - late),
                                byId.get(perCampaign.getKey()).getTitle(), titles),
                        "campaigns/" + perCampaign.getKey() + "/tasks");
                if (created) {
                    sent++;
                }
            }
        }
        return new TaskReminders(overdue, due.size() - overdue, sent);
    }

    /** Whether the caller plans the campaign's tasks (adds groups and tasks, moves deadlines). */
    @Transactional(readOnly = true)
    public boolean canPlan(CampaignId id) {
        Scope scope = currentUser.scope();
        return answering(scope) && campaigns.findById(id.value())
                .filter(c -> c.getScopeUnitPath().startsWith(scope.unitPath())).isPresent();
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(UnitsRepathed event) {
        event.newPaths().forEach((unit, path) -> tasks.repath(unit.value(), path));
    }

    private record Evidence(String sha256, String mediaType) {
    }

    private Evidence storeEvidence(InputStream in, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(8);
        byte[] head = buffered.readNBytes(8);
        buffered.reset();
        if (startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            StoredContent stored = store.put(buffered, MAX_EVIDENCE_BYTES);
            return new Evidence(stored.sha256(), "application/pdf");
        }
        boolean jpeg = head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff;
        boolean png = startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        if (jpeg || png) {
            StoredImage image = images.accept(buffered, name);
            return new Evidence(image.sha256(), image.mediaType());
        }
        throw new InvalidInputException("campaign.task.error.evidenceType", "Evidence must be a PDF, JPEG or PNG: "
                + name, name);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String checkedUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (url.length() <= 500 && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // told below
        }
        throw new InvalidInputException("campaign.task.error.url", "Not a web address: " + url, url);
    }

    private List<TaskData> toData(List<CampaignTask> list, LocalDate today) {
        if (list.isEmpty()) {
            return List.of();
        }
        Scope scope = currentUser.scope();
        Map<Long, SolutionGroupData> groupById = groups.findAllById(list.stream().map(CampaignTask::getGroupId)
                        .filter(java.util.Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(SolutionGroup::getId, SolutionGroup::toData));
        Map<UnitId, UnitLabel> labels = unitPaths.labels(list.stream().map(t -> new UnitId(t.getResponsibleUnitId()))
                .distinct().toList());
        Map<Long, Long> noteCounts = new LinkedHashMap<>();
        for (Object[] row : notes.countByTask(list.stream().map(CampaignTask::getId).toList())) {
            noteCounts.put((Long) row[0], (Long) row[1]);
        }
        Map<Long, Boolean> plannerOf = new LinkedHashMap<>();
        return list.stream().map(t -> {
            long late = t.getStatus().open() && t.getDeadline().isBefore(today)
                    ? ChronoUnit.DAYS.between(t.getDeadline(), today) : 0;
            boolean planner = plannerOf.computeIfAbsent(t.getCampaignId(), c -> canPlan(new CampaignId(c)));
            boolean canUpdate = planner || (answering(scope) && t.getResponsibleUnitPath().startsWith(scope.unitPath()));
            return new TaskData(t.getId(), new CampaignId(t.getCampaignId()),
                    t.getGroupId() == null ? null : groupById.get(t.getGroupId()), t.getTitle(), t.getLeadAgency(),
                    t.getCoordinatingAgencies(), labels.get(new UnitId(t.getResponsibleUnitId())), t.getDeadline(),
                    t.getStatus(), t.getDoneOn(), late, noteCounts.getOrDefault(t.getId(), 0L).intValue(), canUpdate);
        }).toList();
    }

    private static boolean answering(Scope scope) {
        return ANSWERING.contains(scope.role());
    }

    private Campaign visibleCampaign(CampaignId id) {
        String mine = currentUser.scope().unitPath();
        return campaigns.findById(id.value())
                .filter(c -> c.getScopeUnitPath().startsWith(mine) || mine.startsWith(c.getScopeUnitPath()))
                .orElseThrow(() -> new InvalidInputException("campaign.error.unknown", "No campaign " + id.value(),
                        id.value()));
    }

    private Campaign plannable(CampaignId id) {
        Campaign campaign = visibleCampaign(id);
        Scope scope = currentUser.scope();
        if (!answering(scope) || !campaign.getScopeUnitPath().startsWith(scope.unitPath())) {
            throw new OutsideScopeException("Tasks of " + campaign.getScopeUnitPath() + " are planned above "
                    + scope.unitPath());
        }
        return campaign;
    }

    private CampaignTask visibleTask(long taskId) {
        Optional<CampaignTask> task = tasks.findById(taskId);
        task.ifPresent(t -> visibleCampaign(new CampaignId(t.getCampaignId())));
        return task.orElseThrow(() -> new InvalidInputException("campaign.task.error.unknown", "No task " + taskId,
                taskId));
    }

    private CampaignTask reportable(long taskId) {
        CampaignTask task = visibleTask(taskId);
        Scope scope = currentUser.scope();
        boolean responsible = answering(scope) && task.getResponsibleUnitPath().startsWith(scope.unitPath());
        if (!responsible && !canPlan(new CampaignId(task.getCampaignId()))) {
            throw new OutsideScopeException("Task " + taskId + " is reported by " + task.getResponsibleUnitPath());
        }
        return task;
    }

    private static String required(String value, String key, int max) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty() || clean.length() > max) {
            throw new InvalidInputException(key, "Required, at most " + max + " characters", max);
        }
        return clean;
    }

    /** Agencies as typed in one field, separated by semicolons or line breaks. */
    public static List<String> splitAgencies(String agencies) {
        return agencies == null || agencies.isBlank() ? List.of()
                : Arrays.stream(agencies.split("[;\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

/**
 * Toggl Track API v9 shapes, written from the seed pages (../shared/seeds). Fields the pages
 * mark "will be omitted if empty" or "null if …" are optional or nullable here. Only fields
 * the app or the sandbox use are spelled out; the rest pass through untyped.
 */

export interface TogglWorkspace {
  id: number;
  organization_id: number;
  name: string;
  at: string;
  /** Role of the current user in the workspace (e.g. "admin", "user"). */
  role?: string;
  admin: boolean;
  premium: boolean;
  business_ws: boolean;
  only_admins_may_create_projects: boolean;
  only_admins_may_create_tags: boolean;
  projects_billable_by_default: boolean;
  projects_private_by_default: boolean;
  default_currency?: string;
  permissions?: string | null;
}

export interface TogglClient {
  id: number;
  wid: number;
  name: string;
  archived: boolean;
  at: string;
  creator_id?: number;
  notes?: string | null;
  permissions?: string | null;
  server_deleted_at?: string | null;
}

export interface TogglProject {
  id: number;
  workspace_id: number;
  /** Legacy twin of workspace_id. */
  wid: number;
  client_id: number | null;
  /** Legacy twin of client_id. */
  cid: number | null;
  name: string;
  active: boolean;
  is_private: boolean;
  billable: boolean | null;
  color: string;
  at: string;
  created_at: string;
  estimated_hours?: number | null;
  estimated_seconds?: number | null;
  actual_hours?: number | null;
  actual_seconds?: number | null;
  currency?: string | null;
  template?: boolean | null;
  template_id?: number | null;
  auto_estimates?: boolean | null;
  start_date?: string;
  end_date?: string | null;
  rate?: number | null;
  fixed_fee?: number | null;
  recurring?: boolean;
  /** OpenAPI `models.Project`: an array of `models.RecurringProjectParameters`; the recordings have null. */
  recurring_parameters?: TogglRecurringProjectParameters[] | null;
  status?: string;
  permissions?: string | null;
  can_track_time?: boolean;
  pinned?: boolean;
  tasks_count?: number;
  server_deleted_at?: string | null;
}

export interface TogglTask {
  id: number;
  workspace_id: number;
  project_id: number;
  name: string;
  /** False when the task has been done. */
  active: boolean;
  at: string;
  estimated_seconds: number | null;
  /** Despite its name, milliseconds (seed 002). */
  tracked_seconds: number;
  user_id: number | null;
  project_name?: string;
  project_color?: string;
  project_billable?: boolean;
  client_name?: string | null;
  recurring?: boolean;
  permissions?: string | null;
  server_deleted_at?: string | null;
}

export interface TogglTag {
  id: number;
  workspace_id: number;
  name: string;
  at: string;
  creator_id?: number;
  deleted_at?: string | null;
}

export interface TogglUser {
  id: number;
  email: string;
  fullname: string;
  /** Omitted if empty. The app stores it in the keychain and nowhere else. */
  api_token?: string;
  at: string;
  created_at: string;
  updated_at: string;
  default_workspace_id: number;
  beginning_of_week: number;
  country_id?: number | null;
  timezone: string;
  image_url: string;
  has_password: boolean;
  openid_enabled: boolean;
  openid_email?: string | null;
}

/** GET /me?with_related_data=true: the user plus everything the app lists. */
export interface TogglMeWithRelated extends TogglUser {
  clients: TogglClient[] | null;
  projects: TogglProject[] | null;
  tasks: TogglTask[] | null;
  tags: TogglTag[] | null;
  workspaces: TogglWorkspace[] | null;
  time_entries: unknown[] | null;
}

export interface TogglMeUpdate {
  beginning_of_week?: number;
  country_id?: number;
  current_password?: string;
  default_workspace_id?: number;
  email?: string;
  fullname?: string;
  password?: string;
  timezone?: string;
}

export interface TogglFeatures {
  workspace_id: number;
  features: { feature_id: number; name: string; enabled: boolean }[];
}

export interface TogglLocation {
  city?: string;
  city_lat_long?: string;
  country_code?: string;
  country_name?: string;
  state?: string;
}

export interface TogglOrganization {
  id: number;
  name: string;
  admin: boolean;
  owner: boolean;
  at: string;
  created_at: string;
  pricing_plan_id: number;
  pricing_plan_name: string;
  max_workspaces: number;
  user_count: number;
  is_multi_workspace_enabled: boolean;
  permissions?: string | null;
}

/** One of a project's recurring parameters as answers carry them (OpenAPI `models.RecurringProjectParameters`). */
export interface TogglRecurringProjectParameters {
  period?: string;
  custom_period?: number | null;
  project_start_date?: string | null;
  parameter_start_date?: string | null;
  parameter_end_date?: string | null;
  estimated_seconds?: number | null;
}

/** What a create or update sends (OpenAPI `project.RecurringParameters`). */
export interface TogglRecurringParametersBody {
  /** "monthly" (the document's example) or "custom". */
  period: string;
  /** Only with period "custom": days (the unit is ours; the document says none). */
  custom_period?: number;
  /** "YYYY-MM-DD". */
  project_start_date?: string;
}

/** A project's details as Toggl's `project.Payload` names them (seed 000, OpenAPI); null clears one. */
export interface TogglProjectDetailsBody {
  estimated_hours?: number | null;
  auto_estimates?: boolean;
  /** "YYYY-MM-DD". */
  start_date?: string | null;
  end_date?: string | null;
  template?: boolean;
  /** Create only: the template project whose tasks and members Toggl copies. */
  template_id?: number;
  currency?: string | null;
  rate?: number | null;
  fixed_fee?: number | null;
  recurring?: boolean;
  recurring_parameters?: TogglRecurringParametersBody;
}

export interface TogglProjectCreate extends TogglProjectDetailsBody {
  name: string;
  active?: boolean;
  is_private?: boolean;
  billable?: boolean;
  client_id?: number | null;
  client_name?: string;
  color?: string;
}

/** PUT /workspaces/{wid}/projects/{pid}: only the changed fields; a rate change may say how it applies. */
export type TogglProjectUpdate = Partial<TogglProjectCreate> & { rate_change_mode?: TogglRateChangeMode };

export interface TogglTaskCreate {
  name: string;
  active?: boolean;
  estimated_seconds?: number | null;
  /** The assignee (seed 002 calls it the creator: "if omitted, will use requester user ID"); null for no one. */
  user_id?: number | null;
}

export type TogglTaskUpdate = Partial<TogglTaskCreate>;

/** A JSON-Patch operation for the bulk PATCH endpoints. */
export interface JsonPatchOperation {
  op: 'replace' | 'add' | 'remove';
  path: string;
  value?: unknown;
}

export interface BulkPatchResult {
  success: number[];
  failure: { id: number; message: string }[];
}

/**
 * A project member. Toggl's OpenAPI document (`models.ProjectUser`) names the fields `rate` and
 * `labor_cost` (numbers, nullable); the seed page (000) says `labour_cost`, an older spelling:
 * both are read, OpenAPI's is sent.
 */
export interface TogglProjectUser {
  id: number;
  project_id: number;
  user_id: number;
  workspace_id: number;
  manager: boolean;
  rate?: number | null;
  labor_cost?: number | null;
  labour_cost?: number | null;
  group_id: number | null;
  gid?: number | null;
  rate_last_updated?: string | null;
  labor_cost_last_updated?: string | null;
  at: string;
}

/** How a new rate applies to time already tracked (OpenAPI `user.PutPayload`); Toggl's default when left out. */
export type TogglRateChangeMode = 'start-today' | 'override-current' | 'override-all';

export interface TogglProjectUserCreate {
  project_id: number;
  user_id: number;
  manager?: boolean;
  /** Numbers only: Toggl's create and PUT bodies have no null for these (PATCH has, to clear them). */
  rate?: number;
  labor_cost?: number;
  /** The seed page's spelling of `labor_cost`. */
  labour_cost?: number;
  rate_change_mode?: TogglRateChangeMode;
  labor_cost_change_mode?: TogglRateChangeMode;
}

export type TogglProjectUserUpdate = Omit<Partial<TogglProjectUserCreate>, 'project_id' | 'user_id'>;

export interface TogglGroupUser {
  user_id: number;
  name: string;
  avatar_url?: string;
  joined?: string;
}

export interface TogglGroup {
  group_id: number;
  name: string;
  at: string;
  users: TogglGroupUser[];
  workspaces: number[];
}

export interface TogglGroupBody {
  name: string;
  users?: number[];
  workspaces?: number[];
}

export interface TogglProjectGroup {
  id: number;
  group_id: number;
  pid: number;
  wid: number;
}

/** GET /workspaces/{wid}/tasks */
export interface TogglWorkspaceTasksPage {
  data: TogglTask[];
  page: number;
  per_page: number;
  sort_field: string;
  sort_order: string;
  total_count: number;
}

export type ActiveFilter = boolean | 'both';

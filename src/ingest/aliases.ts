import type { ImportTable } from './mappingProfile';

/**
 * Header aliases: for each import table and canonical field, the column names vendor exports
 * use for it (Workday, BambooHR, SuccessFactors, ADP, SAP, Oracle, Chronus, Together,
 * MentorcliQ, Qooper...), written as people see them in a file.
 *
 * Matching is done on `normalizeHeader` forms, so "Employee ID", "employee_id", "EmployeeID"
 * and "employeeId" are one alias; each normalized form appears at most once per table
 * (test/demo/aliases.test.ts checks it). Within a field, aliases are listed in order of
 * preference: when a file has two candidate columns for one field, the earlier alias wins.
 * Pure data; the only logic here is `normalizeHeader`.
 */

/**
 * The form headers are compared in: BOM and accents stripped, camelCase split
 * ("userId" -> "user_id"), lower-case, "#" read as "number", "&" as "and", every other run
 * of punctuation, spaces, underscores or dashes collapsed to a single "_", trimmed.
 * "Employee #" -> "employee_number", "Race/Ethnicity" -> "race_ethnicity",
 * "Duration (min)" -> "duration_min", "Protégé ID" -> "protege_id".
 */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

// Shared alias lists (reused by several tables).

const PERSON_ID = [
  'person_id', 'Employee ID', 'Worker ID', 'EEID', 'Associate ID', 'Emp No', 'Personnel Number',
  'User ID', 'Employee Number', 'Emp ID', 'Staff ID', 'Person Number', 'Person ID External',
  'Employee Code', 'Emp Code', 'Staff Number', 'PERNR', 'File Number', 'HRIS ID', 'Global Employee ID',
  'Employee Key', 'Worker Number', 'Member ID', 'External ID', 'Badge Number',
];

const PROGRAM_ID = [
  'program_id', 'Program Code', 'Program Key', 'Program Number', 'Programme ID', 'Program Ref',
  'Mentoring Program ID', 'External Program ID', 'Program UUID', 'Initiative ID', 'Community ID',
  'Program',
];

const MATCH_ID = [
  'match_id', 'Connection ID', 'Pairing ID', 'Relationship ID', 'Mentorship ID', 'Engagement ID',
  'Partnership ID', 'Match Number', 'Pair ID', 'Mentoring Connection ID', 'Match Key', 'Connection Key',
  'Mentoring Relationship ID',
];

const SESSION_ID = [
  'session_id', 'Meeting ID', 'Event ID', 'Conversation ID', 'Activity ID', 'Meeting Number',
  'Session Number', 'Appointment ID', 'Interaction ID', 'Check-in ID', 'Call ID', 'Occurrence ID',
  'Session Key',
];

const SESSION_DATE = [
  'date', 'Session Date', 'Meeting Date', 'Event Date', 'Held On', 'Conversation Date', 'Activity Date',
  'Occurred On', 'Start Time', 'Scheduled Date', 'Meeting Start', 'Session Start', 'Start Date Time',
  'Date Time', 'Meeting Date Time', 'Session Start Date',
];

const STATUS = [
  'status', 'State', 'Stage', 'Current Status', 'Lifecycle Stage', 'Progress Status',
];

const LAYER = [
  'layer', 'Track', 'Program Layer', 'Mentoring Layer', 'Layer Type', 'Mentoring Track',
];

export const FIELD_ALIASES: Record<ImportTable, Record<string, string[]>> = {
  people: {
    person_id: PERSON_ID,
    snapshot_date: [
      'snapshot_date', 'As Of Date', 'As Of', 'Effective As Of', 'Report Date', 'Snapshot', 'Extract Date',
      'Data As Of', 'Reporting Date', 'Run Date', 'Export Date', 'Period End Date', 'Period End', 'Census Date',
      'Report Effective Date', 'Headcount Date',
    ],
    hire_date: [
      'hire_date', 'Original Hire Date', 'Start Date', 'Date of Hire', 'DOH', 'Employment Start Date',
      'Most Recent Hire Date', 'Latest Hire Date', 'Seniority Date', 'Continuous Service Date', 'Service Date',
      'Joining Date', 'Date Joined', 'Join Date', 'Rehire Date', 'Hire Dt',
    ],
    termination_date: [
      'termination_date', 'Term Date', 'Separation Date', 'Date of Termination', 'Employment End Date',
      'Last Day Worked', 'Last Day of Work', 'Leaving Date', 'Exit Date', 'Date Left',
      'Termination Effective Date', 'Departure Date', 'Last Working Day', 'Terminated On', 'Termination Dt',
      'Date of Leaving',
    ],
    level: [
      'level', 'Job Level', 'Grade', 'Pay Grade', 'Career Level', 'Job Grade', 'Band', 'Job Band',
      'Management Level', 'Salary Grade', 'Position Level', 'Grade Level', 'Compensation Grade', 'Career Band',
      'Global Grade', 'Level Code', 'Job Level Code', 'Seniority Level',
    ],
    department: [
      'department', 'Supervisory Organization', 'Dept', 'Organization', 'Org Unit', 'Organizational Unit',
      'Division', 'Business Unit', 'Department Name', 'Org', 'Team', 'Function', 'Home Department',
      'Home Department Description', 'Department Description', 'Cost Center', 'Dept Name', 'Sub Department',
    ],
    location: [
      'location', 'Work Location', 'Office', 'Site', 'Primary Work Location', 'Location Name', 'Work Site',
      'Office Location', 'City', 'Work City', 'Location Code', 'Location Description', 'Business Site',
      'Primary Location',
    ],
    job_family: [
      'job_family', 'Job Family Group', 'Job Function', 'Job Category', 'Job Profile', 'Job Classification',
      'Discipline', 'Career Path', 'Role Family', 'Functional Area', 'Job Group', 'Career Track', 'Occupation',
      'Job Family Name', 'EEO Job Category',
    ],
    employment_type: [
      'employment_type', 'Worker Type', 'Employee Type', 'Time Type', 'Worker Sub-Type', 'Employment Status',
      'Employee Class', 'Worker Category', 'FT/PT', 'Full/Part Time', 'Contract Type', 'Employee Group',
      'Employee Subgroup', 'Employment Category', 'Employee Category', 'Regular/Temporary', 'Pay Type',
    ],
    manager_id: [
      'manager_id', 'Supervisor ID', 'Manager Employee ID', 'Reports To ID', 'Manager Number', 'Line Manager ID',
      'Direct Manager ID', 'Manager Worker ID', 'Supervisor Employee ID', 'Reports To', 'Manager EEID',
      'Manager Associate ID', 'Reporting Manager ID', 'Manager User ID', 'Manager Person Number',
      'Supervisor Number', 'Manager Emp ID',
    ],
    gender: [
      'gender', 'Sex', 'Gender Identity', 'Legal Gender', 'Gender Code', 'Gender Description', 'Sex Code',
      'Self-Identified Gender', 'Gender (Self-ID)', 'Gender/Sex', 'Sex/Gender', 'EEO Gender',
      'Gender Identification', 'Employee Gender', 'Gender Self Identification',
    ],
    race_ethnicity: [
      'race_ethnicity', 'Ethnicity', 'Race', 'Ethnic Origin', 'EEO Race', 'EEO-1 Ethnicity',
      'Race/Ethnicity (Locale Sensitive)', 'Ethnicity (US)', 'Ethnic Group', 'Racial/Ethnic Group',
      'Race Code', 'Ethnicity Code', 'EEO Ethnic Code', 'Race & Ethnicity', 'Self-Identified Race/Ethnicity',
      'EEO Race/Ethnicity', 'Race Ethnicity Description',
    ],
  },

  job_events: {
    person_id: PERSON_ID,
    effective_date: [
      'effective_date', 'Date', 'Event Date', 'Action Date', 'Change Date', 'Effective', 'Effective From',
      'Transaction Date', 'Action Effective Date', 'Movement Date', 'Personnel Action Date', 'Valid From',
      'Event Effective Date', 'Effective Dt', 'Start Date',
    ],
    event_type: [
      'event_type', 'Action', 'Action Type', 'Business Process', 'Business Process Type', 'Change Type',
      'Event', 'Transaction Type', 'Personnel Action', 'Action Code', 'Movement Type', 'Event Reason',
      'Job Change Type', 'Type of Change', 'Employment Event',
    ],
    from_level: [
      'from_level', 'Previous Level', 'Old Level', 'Prior Level', 'Level Before', 'From Grade', 'Previous Grade',
      'Old Grade', 'Prior Job Level', 'Previous Job Level', 'From Job Level', 'Prior Grade', 'Old Job Level',
      'Level From',
    ],
    to_level: [
      'to_level', 'New Level', 'Level After', 'To Grade', 'New Grade', 'New Job Level', 'Current Level',
      'Job Level', 'Level', 'Resulting Level', 'To Job Level', 'Grade', 'Pay Grade', 'Level To',
    ],
  },

  programs: {
    program_id: [
      'program_id', 'Program Code', 'Program Key', 'Program Number', 'Programme ID', 'Program Ref',
      'Mentoring Program ID', 'External Program ID', 'Program UUID', 'Initiative ID', 'Community ID', 'ID',
    ],
    name: [
      'name', 'Program Name', 'Title', 'Program Title', 'Program', 'Programme Name', 'Programme',
      'Program Label', 'Display Name', 'Initiative Name', 'Community Name', 'Group Name',
    ],
    layer: [
      ...LAYER, 'Program Type', 'Type', 'Category', 'Program Category', 'Format', 'Mentoring Type',
      'Mentoring Format', 'Program Format', 'Engagement Type', 'Program Model',
    ],
    start_date: [
      'start_date', 'Program Start', 'Launch Date', 'Begins', 'Starts On', 'Start', 'Program Start Date',
      'Cohort Start Date', 'Open Date', 'Kickoff Date', 'Go Live Date', 'Valid From', 'Launched On',
    ],
    end_date: [
      'end_date', 'Program End', 'Close Date', 'Ends', 'Ends On', 'End', 'Program End Date', 'Cohort End Date',
      'Closing Date', 'Expiry Date', 'Valid To', 'Sunset Date', 'Closed On',
    ],
    eligibility: [
      'eligibility', 'Eligibility Criteria', 'Eligible Population', 'Audience', 'Target Audience',
      'Who Can Join', 'Eligibility Rules', 'Participant Criteria', 'Requirements', 'Entry Criteria', 'Open To',
      'Eligible Participants',
    ],
  },

  enrollments: {
    person_id: [
      ...PERSON_ID, 'Participant ID', 'Enrollee ID', 'Applicant ID', 'Learner ID', 'Member Number',
      'Participant Employee ID',
    ],
    program_id: PROGRAM_ID,
    role: [
      'role', 'Participant Role', 'Member Role', 'Enrollment Role', 'Role Type', 'User Role', 'Program Role',
      'Membership Type', 'Participant Type', 'Member Type', 'Role in Program', 'Connection Role',
    ],
    applied_date: [
      'applied_date', 'Applied On', 'Application Date', 'Date Applied', 'Request Date', 'Requested On',
      'Signup Date', 'Sign Up Date', 'Registration Date', 'Registered On', 'Submitted On',
      'Application Submitted', 'Applied At', 'Joined Waitlist',
    ],
    enrolled_date: [
      'enrolled_date', 'Enrolled On', 'Enrollment Date', 'Date Enrolled', 'Accepted On', 'Acceptance Date',
      'Start Date', 'Joined On', 'Join Date', 'Activation Date', 'Activated On', 'Onboarded On', 'Admitted On',
      'Enrolled At',
    ],
    status: [
      ...STATUS, 'Enrollment Status', 'Application Status', 'Membership Status', 'Participant Status',
      'Member Status', 'Request Status', 'Participation Status',
    ],
  },

  matches: {
    match_id: MATCH_ID,
    program_id: PROGRAM_ID,
    mentor_id: [
      'mentor_id', 'Mentor Employee ID', 'Mentor User ID', 'Mentor', 'Mentor Member ID', 'Mentor Participant ID',
      'Mentor Person ID', 'Mentor EEID', 'Mentor Worker ID', 'Mentor Emp ID', 'Mentor Number',
      'Mentor External ID', 'Mentor HRIS ID', 'Advisor ID', 'Coach ID',
    ],
    mentee_id: [
      'mentee_id', 'Mentee Employee ID', 'Mentee User ID', 'Mentee', 'Mentee Member ID', 'Mentee Participant ID',
      'Mentee Person ID', 'Mentee EEID', 'Mentee Worker ID', 'Mentee Emp ID', 'Mentee Number',
      'Mentee External ID', 'Mentee HRIS ID', 'Protégé ID', 'Protégé', 'Advisee ID', 'Coachee ID',
    ],
    requested_date: [
      'requested_date', 'Request Date', 'Requested On', 'Date Requested', 'Requested At', 'Request Sent',
      'Request Created', 'Created Date', 'Created On', 'Created At', 'Applied Date', 'Waitlisted On',
      'Request Submitted',
    ],
    matched_date: [
      'matched_date', 'Match Date', 'Matched On', 'Date Matched', 'Matched At', 'Connected On',
      'Connection Date', 'Pairing Date', 'Paired On', 'Accepted On', 'Start Date', 'Connection Start Date',
      'Match Start Date', 'Started On',
    ],
    end_date: [
      'end_date', 'Ended On', 'Closed On', 'Close Date', 'Match End Date', 'Connection End Date', 'Completed On',
      'Completion Date', 'Ended At', 'Closure Date', 'Date Closed', 'Closed At', 'End',
    ],
    status: [
      ...STATUS, 'Match Status', 'Connection Status', 'Pairing Status', 'Relationship Status',
      'Mentorship Status', 'Engagement Status',
    ],
    match_method: [
      'match_method', 'Matching Method', 'Match Type', 'Matched By', 'Match Source', 'Pairing Method',
      'How Matched', 'Match Mode', 'Connection Type', 'Matching Type', 'Match Origin', 'Matching Mode',
    ],
  },

  sessions: {
    session_id: SESSION_ID,
    date: SESSION_DATE,
    layer: [
      ...LAYER, 'Program Type', 'Session Type', 'Mentoring Type', 'Category', 'Activity Type', 'Format',
      'Meeting Type', 'Engagement Type',
    ],
    program_id: PROGRAM_ID,
    match_id: MATCH_ID,
    host_id: [
      'host_id', 'Host', 'Organizer', 'Organizer ID', 'Facilitator', 'Facilitator ID', 'Led By', 'Owner ID',
      'Owner', 'Created By', 'Host Employee ID', 'Leader ID', 'Host User ID', 'Scheduled By',
    ],
    duration_minutes: [
      'duration_minutes', 'Duration (min)', 'Duration', 'Minutes', 'Length (minutes)', 'Meeting Length',
      'Session Length', 'Duration in Minutes', 'Mins', 'Time Spent (min)', 'Time Spent', 'Call Duration',
      'Meeting Duration', 'Session Duration', 'Duration (mins)',
    ],
  },

  session_attendees: {
    session_id: SESSION_ID,
    person_id: [
      ...PERSON_ID, 'Attendee ID', 'Participant ID', 'Attendee', 'Attendee Employee ID', 'Invitee ID',
      'Guest ID', 'Attendee User ID', 'Participant', 'Attendee Number', 'Learner ID',
    ],
  },

  feedback: {
    rating: [
      'rating', 'Score', 'Overall Rating', 'Satisfaction', 'Satisfaction Score', 'Rating (1-10)', 'Rating (1-5)',
      'Stars', 'Session Rating', 'Overall Satisfaction', 'Response Value', 'Survey Score', 'Feedback Score',
      'Likert Score', 'Quality Rating', 'How valuable was this session?', 'Match Rating',
    ],
    session_id: SESSION_ID,
    match_id: MATCH_ID,
    rater_id: [
      'rater_id', 'Respondent ID', 'Reviewer ID', 'Submitted By', 'Responder ID', 'User ID', 'Participant ID',
      'Evaluator ID', 'Author ID', 'From User ID', 'Rated By', 'Respondent', 'Respondent Employee ID',
    ],
    rater_role: [
      'rater_role', 'Respondent Role', 'Role', 'Reviewer Role', 'Responder Type', 'Respondent Type',
      'Participant Role', 'User Role', 'Submitted As', 'Rater Type', 'Perspective', 'Member Role',
    ],
    submitted_date: [
      'submitted_date', 'Submitted On', 'Submitted At', 'Response Date', 'Date Submitted', 'Completed On',
      'Survey Date', 'Feedback Date', 'Responded On', 'Timestamp', 'Created At', 'Date', 'Response Time',
    ],
  },

  goals: {
    goal_id: [
      'goal_id', 'Objective ID', 'Goal Number', 'Goal Key', 'Target ID', 'Milestone ID', 'Development Goal ID',
      'Objective Number', 'OKR ID', 'Plan Item ID', 'Action Item ID', 'ID', 'Goal Ref',
    ],
    person_id: [
      ...PERSON_ID, 'Owner ID', 'Goal Owner', 'Goal Owner ID', 'Mentee ID', 'Participant ID', 'Assignee ID',
    ],
    match_id: MATCH_ID,
    set_date: [
      'set_date', 'Created Date', 'Created On', 'Created At', 'Date Set', 'Goal Set Date', 'Start Date',
      'Date Created', 'Added On', 'Goal Created', 'Assigned Date', 'Creation Date', 'Set On',
    ],
    due_date: [
      'due_date', 'Target Date', 'Deadline', 'Due On', 'Due By', 'Goal Due Date', 'Target Completion Date',
      'Expected Completion', 'Planned End Date', 'Due', 'End Date', 'Target End Date',
    ],
    status: [
      ...STATUS, 'Goal Status', 'Progress', 'Health', 'Goal State', 'RAG Status', 'Completion Status',
      'Track Status', 'Tracking Status', 'Goal Progress',
    ],
    completed_date: [
      'completed_date', 'Completed On', 'Completion Date', 'Date Completed', 'Achieved On', 'Achieved Date',
      'Closed On', 'Done Date', 'Finished On', 'Completed At', 'Actual Completion Date', 'Close Date',
    ],
  },

  coaching_log: {
    coach_id: [
      'coach_id', 'Coach', 'Coach Employee ID', 'Advisor', 'Advisor ID', 'Mentor', 'Mentor ID', 'Helper',
      'Given By', 'Coach User ID', 'Guide ID', 'Expert ID', 'Host', 'Host ID',
    ],
    coachee_id: [
      'coachee_id', 'Coachee', 'Coachee Employee ID', 'Advisee', 'Advisee ID', 'Mentee', 'Mentee ID',
      'Client ID', 'Client', 'Received By', 'Participant', 'Participant ID', 'Learner ID', 'Attendee ID',
    ],
    date: SESSION_DATE,
    minutes: [
      'minutes', 'Duration', 'Duration (min)', 'Mins', 'Length', 'Time Spent', 'Length (minutes)',
      'Duration Minutes', 'Call Length', 'Conversation Length', 'Time (min)', 'Duration (mins)',
    ],
    session_id: SESSION_ID,
  },
};

/**
 * Per import table, the canonical fields whose columns must all be present (found through
 * FIELD_ALIASES of that table) for a file to be a candidate for the table. When several tables
 * qualify, prefer the one whose aliases match the most columns of the file.
 */
export const TABLE_SIGNATURES: Record<ImportTable, readonly string[]> = {
  people: ['person_id', 'level'],
  job_events: ['person_id', 'effective_date', 'event_type'],
  programs: ['program_id', 'name', 'layer'],
  enrollments: ['person_id', 'program_id', 'role'],
  matches: ['match_id', 'mentor_id', 'mentee_id'],
  sessions: ['session_id', 'date'],
  session_attendees: ['session_id', 'person_id'],
  feedback: ['rating'],
  goals: ['goal_id', 'person_id', 'status'],
  coaching_log: ['coach_id', 'coachee_id', 'date'],
};

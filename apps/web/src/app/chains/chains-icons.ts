import {
  AppstoreOutline,
  ArrowLeftOutline,
  ClockCircleOutline,
  DeleteOutline,
  DownloadOutline,
  EditOutline,
  PaperClipOutline,
  PlusOutline,
  TableOutline,
  WarningFill,
} from '@ant-design/icons-angular/icons';

/**
 * The icons the chain pages draw, registered with the section's routes (and by the
 * component tests): an icon nobody registered is fetched over HTTP and fails.
 */
export const CHAINS_ICONS = [
  AppstoreOutline,
  ArrowLeftOutline,
  ClockCircleOutline,
  DeleteOutline,
  DownloadOutline,
  EditOutline,
  PaperClipOutline,
  PlusOutline,
  TableOutline,
  // nz-result's warning state.
  WarningFill,
];

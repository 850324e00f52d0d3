import { MapView } from '../../map/MapView';
import { readPicked } from '../common/files';
import { useLazy } from '../common/lazy';
import { useCompare, useImporter, useMapStores, useMeeting, useSelection, useUi, useView } from '../context';
import { ProjectTable } from '../table/ProjectTable';
import { EditToolbar } from './EditToolbar';
import { Header } from './Header';
import { Credits, NoticeBar } from './NoticeBar';
import { Sidebar, SidebarHandle } from './Sidebar';
import { UpdatePrompt } from './UpdatePrompt';
import { useDocument } from './useDocument';

/** The page: header, sidebar, map, details, the project list, and the dialogs over them. */
export function App() {
  const compare = useCompare();
  // the import dialog and its codecs load when an import starts
  const ImportDialog = useLazy(useImporter().state.session.value !== null, () =>
    import('../import/ImportDialog').then((m) => m.ImportDialog),
  );
  const importer = useImporter();
  const meeting = useMeeting();
  const selection = useSelection();
  const mapStores = useMapStores();
  const hasSelection = selection.state.selected.value !== null;
  const presenting = meeting.state.presentation.value !== null;
  const comparing = compare.state.session.value !== null;
  const folded = !useView().state.sidebarOpen.value;
  // the details form, presentation mode and scenario comparison load the first time they are wanted
  const ProjectForm = useLazy(hasSelection, () => import('../form/ProjectForm').then((m) => m.ProjectForm));
  const Presentation = useLazy(presenting, () => import('../meeting/Presentation').then((m) => m.Presentation));
  const CompareView = useLazy(comparing, () => import('../compare/CompareView').then((m) => m.CompareView));
  // so do the settings (and the basemap files in them) and the scenario dialogs
  const ui = useUi();
  const SettingsDialog = useLazy(ui.state.settingsOpen.value, () =>
    import('../settings/SettingsDialog').then((m) => m.SettingsDialog),
  );
  const ScenarioDialog = useLazy(ui.state.dialog.value !== null, () =>
    import('../scenario/ScenarioDialog').then((m) => m.ScenarioDialog),
  );
  useDocument();
  return (
    <div
      class={`app${hasSelection ? ' with-details' : ''}${folded ? ' sidebar-folded' : ''}${presenting ? ' presenting' : ''}${comparing ? ' comparing' : ''}`}
      onDragOver={(e) => {
        if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        // a file dropped anywhere on the app (the map included) opens the import dialog with it
        const files = e.dataTransfer?.files;
        if (!files || files.length === 0) return;
        e.preventDefault();
        void readPicked(files).then((list) => {
          if (!importer.state.session.peek()) importer.open();
          return importer.read(list);
        });
      }}
    >
      <Header />
      <main class="workspace">
        <Sidebar />
        <section class="map-area">
          <MapView stores={mapStores} />
          <SidebarHandle />
          <EditToolbar />
          <Credits />
          <NoticeBar />
          {Presentation && <Presentation />}
        </section>
        {ProjectForm && <ProjectForm />}
      </main>
      <ProjectTable />
      {SettingsDialog && <SettingsDialog />}
      {ScenarioDialog && <ScenarioDialog />}
      {ImportDialog && <ImportDialog />}
      {CompareView && <CompareView />}
      <UpdatePrompt />
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useEditorStore } from '../../store/useEditorStore';
import { YamlSession, type TextSource } from './YamlSession';

const storeText: TextSource = {
  read: (file) => useDocumentStore.getState().files.find((f) => f.name === file)?.text ?? '',
  write: (file, text, edit) => useDocumentStore.getState().setFileText(file, text, edit),
};

/** CodeMirror on one workspace file: typing updates the store, store changes update the text, issues show inline. */
export function YamlEditor({ fileName }: { fileName: string }) {
  // Files, not their texts, are selected and compared: React compares what a selector returns, and comparing a 2 MB
  // text just typed into (a rope of slices) first copies it whole (~10 ms a key).
  const file = useDocumentStore((state) => state.files.find((f) => f.name === fileName));
  const issues = useAnalysisStore((state) => state.current.issues);
  /** The file the issues were found in: they are shown only once the editor holds its text. */
  const answeredFile = useAnalysisStore((state) => state.answered?.files.find((f) => f.name === fileName));
  const jump = useEditorStore((state) => state.jump);
  const hostRef = useRef<HTMLDivElement>(null);
  const sessionRef = useRef<YamlSession | null>(null);
  const initialFile = useRef(fileName);

  useEffect(() => {
    if (hostRef.current === null) return;
    const session = new YamlSession(hostRef.current, initialFile.current, storeText);
    sessionRef.current = session;
    return () => {
      session.destroy();
      sessionRef.current = null;
    };
  }, []);

  useEffect(() => {
    const session = sessionRef.current;
    if (session === null) return;
    session.showFile(fileName);
    session.receiveText(fileName, file?.text ?? '');
    if (answeredFile !== undefined && answeredFile === file) session.showIssues(issues, answeredFile.text);
  }, [fileName, file, issues, answeredFile]);

  useEffect(() => {
    const session = sessionRef.current;
    if (session === null || jump === null || jump.file !== session.shownFile) return;
    session.jumpTo(jump.line);
    useEditorStore.getState().finishJump(jump.id);
  }, [jump, fileName]);

  return <div ref={hostRef} className="yaml-editor" data-file={fileName} />;
}

import '../../src/ui/ui.css';
import { start } from '../../src/ui/sidepanel';

void start(document.getElementById('app')!);

const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-cockpit', __dirname);
